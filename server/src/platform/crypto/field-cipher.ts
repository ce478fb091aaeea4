import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'enc:';
/** One stored value, standing alone or as a string inside sealed JSON (base64 needs no JSON escaping). */
const ENCRYPTED_VALUE = /enc:([A-Za-z0-9_-]+):([A-Za-z0-9+/]+=*)/g;

/**
 * AES-256-GCM per field. Stored form: `enc:<keyVersion>:<base64(iv | tag | ciphertext)>`, so keys can rotate:
 * the newest key encrypts, every listed key decrypts.
 */
export class FieldCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly current: { version: string; key: Buffer };
  private readonly indexKey: Buffer;

  /** `indexKey`: the blind indexes' key; by default derived from the first key, so pinned before that key is removed. */
  constructor(keys: { version: string; key: Buffer }[], indexKey?: Buffer | null) {
    const current = keys[keys.length - 1];
    if (!current) throw new Error('FieldCipher needs at least one key');
    this.current = current;
    this.keys = new Map(keys.map((k) => [k.version, k.key]));
    this.indexKey = indexKey ?? FieldCipher.derivedIndexKey(keys[0]!.key);
  }

  static derivedIndexKey(firstKey: Buffer): Buffer {
    return Buffer.from(hkdfSync('sha256', firstKey, Buffer.alloc(0), 'beian blind index', 32));
  }

  static isEncrypted(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(PREFIX);
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${this.current.version}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [, version, payload] = stored.split(':');
    const key = version ? this.keys.get(version) : undefined;
    if (!key || !payload) throw new Error(`Unknown field key version ${version ?? '?'}`);
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** The key versions that still decrypt but no longer encrypt: what re-encryption rewrites away. */
  get staleVersions(): string[] {
    return [...this.keys.keys()].filter((version) => version !== this.current.version);
  }

  /**
   * `text` with every value encrypted under an older key encrypted again under the newest, wherever it stands (a
   * whole column or a string inside sealed JSON); a value inside one that is re-encrypted is renewed too.
   */
  reencryptWithin(text: string): string {
    return text.replace(ENCRYPTED_VALUE, (value: string, version: string) => {
      if (version === this.current.version || !this.keys.has(version)) return value;
      try {
        return this.encrypt(this.reencryptWithin(this.decrypt(value)));
      } catch {
        // Not a value of ours (free text that happens to look like one): left as it is.
        return value;
      }
    });
  }

  /** A stored value in clear: decrypted when encrypted, as stored otherwise (values kept before encryption began). */
  open(stored: string): string {
    return FieldCipher.isEncrypted(stored) ? this.decrypt(stored) : stored;
  }

  /** Deterministic HMAC for equality lookups (e.g. "one mobile per subject") without storing the value. */
  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(value.trim().toUpperCase()).digest('hex');
  }
}
