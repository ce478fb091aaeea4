import { Inject, Injectable } from '@nestjs/common';
import { type AccessLink, type AccessRequest, type SessionUser } from '@beian/shared';
import { AccessLinkSigner } from '../audit/access-link.signer';
import { AuditLogService } from '../audit/audit-log.service';
import { valueAt } from '../order-core/draft-paths.util';
import { OrderAccess } from '../order-core/order-access';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { Clock } from '../platform/clock/clock';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';

/** Audited access to personal data: short-lived signed links to one value, material or face video. */
@Injectable()
export class ReviewAccessService {
  constructor(
    private readonly db: DatabaseService,
    private readonly drafts: OrderDraftStore,
    private readonly access: OrderAccess,
    private readonly audit: AuditLogService,
    private readonly signer: AccessLinkSigner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A short-lived signed link to one personal value, material or face video; the issue is audited with its reason. */
  async issueAccess(reviewer: SessionUser, orderId: string, request: AccessRequest): Promise<AccessLink> {
    return this.db.transaction(async (tx) => {
      const order = await this.access.existing(tx, orderId);
      if (request.target.type === 'field') {
        const draft = await this.drafts.load(tx, order.id);
        if (valueAt(draft, request.target.path) === undefined) throw new AppException('ACCESS_TARGET_NOT_FOUND');
      }
      const expiresAt = new Date(this.clock.now().getTime() + this.config.accessLinkTtlMs);
      const id = await this.audit.record(tx, {
        actorId: reviewer.id,
        action: 'access.issued',
        orderId,
        target: targetName(request.target),
        reason: request.reason,
      });
      return { url: `/api/review/access/${this.signer.sign(id, expiresAt)}`, expiresAt: expiresAt.toISOString() };
    });
  }

  /** Opens a signed link (audited): a field's clear value, or which file to hand out. */
  async openAccess(token: string): Promise<{ field: { path: string; value: unknown } } | { fileId: string; orderId: string }> {
    const id = this.signer.verify(token, this.clock.now());
    if (id === null) throw new AppException('ACCESS_LINK_INVALID');
    return this.db.transaction(async (tx) => {
      const issued = await this.audit.issued(tx, id);
      if (!issued) throw new AppException('ACCESS_LINK_INVALID');
      await this.audit.record(tx, { actorId: issued.actorId, action: 'access.opened', orderId: issued.orderId, target: issued.target, reason: issued.reason });
      const [type, name = ''] = splitTarget(issued.target);
      if (type !== 'field') return { fileId: name, orderId: issued.orderId };
      const value = valueAt(await this.drafts.load(tx, issued.orderId), name);
      if (value === undefined) throw new AppException('ACCESS_TARGET_NOT_FOUND');
      return { field: { path: name, value } };
    });
  }
}

function targetName(target: AccessRequest['target']): string {
  return target.type === 'field' ? `field:${target.path}` : `${target.type}:${target.fileId}`;
}

function splitTarget(target: string): [string, string] {
  const at = target.indexOf(':');
  return [target.slice(0, at), target.slice(at + 1)];
}
