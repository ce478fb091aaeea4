import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Signs the parts of a short-lived link (storage URLs, staff access links) with an HMAC key derived from a secret
 * for one purpose, so a signature made for one kind of link never verifies as another.
 */
export class LinkSigner {
  private readonly key: Buffer;

  constructor(secret: Buffer, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), purpose, 32));
  }

  /** The signature (base64url) of the parts, in order. */
  sign(...parts: string[]): string {
    return createHmac('sha256', this.key).update(parts.join('\n')).digest('base64url');
  }

  /** Whether `signature` is the signature of the parts, compared in constant time. */
  matches(signature: string, ...parts: string[]): boolean {
    const expected = Buffer.from(this.sign(...parts));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
