/**
 * The object storage port: private files, reachable by clients only through short-lived signed URLs.
 * Real adapter (not built yet): S3-compatible / Tencent COS, where `signedPutUrl` / `signedGetUrl` are presigned
 * URLs (SigV4 or COS q-sign) and the bytes never pass through the API. Embedded default: {@link LocalFolderStorage}.
 */
export abstract class ObjectStorage {
  /** A URL the client PUTs the bytes to, valid until `expiresAt`; the storage refuses more than `maxBytes`. */
  abstract signedPutUrl(key: string, contentType: string, maxBytes: number, expiresAt: Date): string;
  abstract signedGetUrl(key: string, contentType: string, expiresAt: Date): string;
  /** null when nothing was uploaded under the key. */
  abstract read(key: string): Promise<Buffer | null>;
  abstract write(key: string, bytes: Buffer): Promise<void>;
  /** Deleting a missing key is not an error (cleanup may run twice). */
  abstract delete(key: string): Promise<void>;
}
