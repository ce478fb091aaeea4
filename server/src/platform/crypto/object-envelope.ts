import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Marks a stored object as an envelope; a file without it predates encryption and is read as it is. */
const MAGIC = Buffer.from('BEIANENV1');
const IV = 12;
const TAG = 16;

function gcm(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function ungcm(key: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
  decipher.setAuthTag(sealed.subarray(IV, IV + TAG));
  return Buffer.concat([decipher.update(sealed.subarray(IV + TAG)), decipher.final()]);
}

function versionOf(sealed: Buffer): string {
  return sealed.subarray(MAGIC.length + 1, MAGIC.length + 1 + sealed[MAGIC.length]!).toString();
}

/**
 * Envelope encryption of stored files: each object gets a random data key (AES-256-GCM), kept beside the object
 * wrapped with the newest field key and its version, so the field keys rotate as they do for fields:
 * `MAGIC | versionLength | version | wrapped data key (60) | iv | tag | ciphertext`.
 */
export class ObjectEnvelope {
  private readonly keys: Map<string, Buffer>;
  private readonly current: { version: string; key: Buffer };

  constructor(keys: { version: string; key: Buffer }[]) {
    const current = keys[keys.length - 1];
    if (!current) throw new Error('ObjectEnvelope needs at least one key');
    this.current = current;
    this.keys = new Map(keys.map((k) => [k.version, k.key]));
  }

  static isSealed(stored: Buffer): boolean {
    return stored.subarray(0, MAGIC.length).equals(MAGIC);
  }

  /** Sealed with the newest key: nothing for re-encryption to do. */
  isCurrent(stored: Buffer): boolean {
    return ObjectEnvelope.isSealed(stored) && versionOf(stored) === this.current.version;
  }

  seal(plain: Buffer): Buffer {
    const dataKey = randomBytes(32);
    const version = Buffer.from(this.current.version);
    return Buffer.concat([MAGIC, Buffer.from([version.length]), version, gcm(this.current.key, dataKey), gcm(dataKey, plain)]);
  }

  open(stored: Buffer): Buffer {
    if (!ObjectEnvelope.isSealed(stored)) return stored;
    const version = versionOf(stored);
    const versionEnd = MAGIC.length + 1 + stored[MAGIC.length]!;
    const key = this.keys.get(version);
    if (!key) throw new Error(`Unknown field key version ${version}`);
    const wrappedEnd = versionEnd + IV + TAG + 32;
    return ungcm(ungcm(key, stored.subarray(versionEnd, wrappedEnd)), stored.subarray(wrappedEnd));
  }
}
