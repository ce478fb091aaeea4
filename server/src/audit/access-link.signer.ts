import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/app-config';
import { LinkSigner } from '../platform/crypto/link-signer';

/**
 * Short signed staff links `<audit row id>.<expiry ms>.<hmac>`: the audit row of the issue says who may see
 * what and why; the signature and the expiry make the link unforgeable and short-lived.
 */
@Injectable()
export class AccessLinkSigner {
  private readonly signer: LinkSigner;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const base = config.fieldEncryptionKeys.at(-1);
    if (!base) throw new Error('AccessLinkSigner needs a key');
    this.signer = new LinkSigner(base.key, 'beian access links');
  }

  sign(auditId: number, expiresAt: Date): string {
    const body = `${auditId}.${expiresAt.getTime()}`;
    return `${body}.${this.signer.sign(String(auditId), String(expiresAt.getTime()))}`;
  }

  /** The audit row id when the signature holds and the link has not expired at `now`; null otherwise. */
  verify(token: string, now: Date): number | null {
    const match = /^(\d+)\.(\d+)\.([\w-]+)$/.exec(token);
    if (!match) return null;
    const [, id = '', expires = '', mac = ''] = match;
    if (!this.signer.matches(mac, id, expires)) return null;
    return Number(expires) > now.getTime() ? Number(id) : null;
  }
}
