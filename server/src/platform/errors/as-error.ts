/** What was thrown, as an Error (a thrown string or object becomes the message). */
export const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
