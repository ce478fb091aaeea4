import { mkdir, readFile, readdir, rm, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../platform/config/app-config';
import { Clock } from '../platform/clock/clock';
import { LinkSigner } from '../platform/crypto/link-signer';
import { ObjectEnvelope } from '../platform/crypto/object-envelope';
import { ObjectStorage } from './object-storage.port';

export const LOCAL_STORAGE_PREFIX = '/api/storage/';
const KEY_PATTERN = /^[a-z0-9][a-z0-9/._-]{0,200}$/;

export type StorageOperation = 'put' | 'get';

export interface SignedRequest {
  op: StorageOperation;
  key: string;
  expires: number;
  /** put: the byte limit; get: the content type to answer with. */
  param: string;
}

const signedParts = (request: SignedRequest) => [request.op, request.key, String(request.expires), request.param];

/**
 * Embedded default: files in a private folder under DATA_DIR, served only by the API's storage routes for a
 * request carrying a valid HMAC of (operation, key, expiry, parameter) that has not expired. Every file is stored
 * encrypted (an envelope per object with the field keys).
 */
export class LocalFolderStorage extends ObjectStorage {
  private readonly signer: LinkSigner;

  constructor(
    private readonly root: string,
    secret: Buffer,
    private readonly clock: Clock,
    private readonly envelope: ObjectEnvelope,
  ) {
    super();
    this.signer = new LinkSigner(secret, 'beian storage urls');
  }

  signedPutUrl(key: string, _contentType: string, maxBytes: number, expiresAt: Date): string {
    return this.url({ op: 'put', key, expires: expiresAt.getTime(), param: String(maxBytes) });
  }

  /** The local folder encrypts every object itself (see ObjectEnvelope). */
  uploadHeaders(): Record<string, string> {
    return {};
  }

  signedGetUrl(key: string, contentType: string, expiresAt: Date): string {
    return this.url({ op: 'get', key, expires: expiresAt.getTime(), param: contentType });
  }

  /** The request a URL authorises, or null when it is forged, altered or expired. */
  verify(request: SignedRequest, signature: string): SignedRequest | null {
    if (!KEY_PATTERN.test(request.key) || request.key.includes('..')) return null;
    if (!this.signer.matches(signature, ...signedParts(request))) return null;
    return request.expires > this.clock.now().getTime() ? request : null;
  }

  async read(key: string): Promise<Buffer | null> {
    try {
      return this.envelope.open(await readFile(this.path(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async write(key: string, bytes: Buffer): Promise<void> {
    const file = this.path(key);
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    // Write then rename, so a reader never sees half a file.
    await this.replace(file, this.envelope.seal(bytes));
  }

  private async replace(file: string, sealed: Buffer): Promise<void> {
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, sealed, { mode: 0o600 });
    await rename(partial, file);
  }

  /**
   * After a new field key is added: seals again, under the newest key, up to `limit` stored files that are not yet
   * (older key, or kept before encryption began); answers how many. Run until it answers 0; a stop resumes anywhere.
   */
  async resealStale(limit: number): Promise<number> {
    let resealed = 0;
    const files = (await readdir(this.root, { recursive: true, withFileTypes: true }).catch(() => []))
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.partial'))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) {
      if (resealed >= limit) break;
      const stored = await readFile(file);
      if (this.envelope.isCurrent(stored)) continue;
      await this.replace(file, this.envelope.seal(this.envelope.open(stored)));
      resealed += 1;
    }
    return resealed;
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  private url(request: SignedRequest): string {
    const query = new URLSearchParams({ op: request.op, exp: String(request.expires), p: request.param, sig: this.signer.sign(...signedParts(request)) });
    return `${LOCAL_STORAGE_PREFIX}${request.key}?${query.toString()}`;
  }

  private path(key: string): string {
    if (!KEY_PATTERN.test(key) || key.includes('..')) throw new Error('Invalid storage key');
    return join(this.root, key);
  }
}

/** The embedded storage of a configuration: the URL-signing secret is derived from the first field key. */
export function localFolderStorage(config: AppConfig, clock: Clock): LocalFolderStorage {
  return new LocalFolderStorage(join(config.dataDir, 'objects'), config.fieldEncryptionKeys[0]!.key, clock, new ObjectEnvelope(config.fieldEncryptionKeys));
}
