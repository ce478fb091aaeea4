/**
 * The object storage port: private files, reachable by clients only through short-lived signed URLs.
 * Embedded default (`STORAGE=local`): {@link LocalFolderStorage}. `STORAGE=s3`: {@link S3CompatibleStorage}
 * (Tencent COS or any S3-compatible bucket), where the URLs are presigned and the bytes never pass through the API.
 */
export abstract class ObjectStorage {
  /**
   * A URL the client PUTs the bytes to, valid until `expiresAt`. The local storage refuses more than `maxBytes`;
   * a presigned S3 PUT cannot, so confirmation checks the size again.
   */
  abstract signedPutUrl(key: string, contentType: string, maxBytes: number, expiresAt: Date): string;
  /** Headers the client's PUT must carry besides Content-Type (they are part of the URL's signature). */
  abstract uploadHeaders(): Record<string, string>;
  abstract signedGetUrl(key: string, contentType: string, expiresAt: Date): string;
  /** null when nothing was uploaded under the key. */
  abstract read(key: string): Promise<Buffer | null>;
  abstract write(key: string, bytes: Buffer): Promise<void>;
  /** Deleting a missing key is not an error (cleanup may run twice). */
  abstract delete(key: string): Promise<void>;
}
