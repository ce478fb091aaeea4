import { Inject, Injectable } from '@nestjs/common';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/app-config';

/**
 * Short signed staff links `<audit row id>.<expiry ms>.<hmac>`: the audit row of the issue says who may see
 * what and why; the signature and the expiry make the link unforgeable and short-lived.
 */
@Injectable()
export class AccessLinkSigner {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const base = config.fieldEncryptionKeys.at(-1);
    if (!base) throw new Error('AccessLinkSigner needs a key');
    this.key = Buffer.from(hkdfSync('sha256', base.key, Buffer.alloc(0), 'beian access links', 32));
  }

  sign(auditId: number, expiresAt: Date): string {
    const body = `${auditId}.${expiresAt.getTime()}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The audit row id when the signature holds and the link has not expired at `now`; null otherwise. */
  verify(token: string, now: Date): number | null {
    const match = /^(\d+)\.(\d+)\.([\w-]+)$/.exec(token);
    if (!match) return null;
    const [, id = '', expires = '', mac = ''] = match;
    const expected = Buffer.from(this.mac(`${id}.${expires}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return Number(expires) > now.getTime() ? Number(id) : null;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
