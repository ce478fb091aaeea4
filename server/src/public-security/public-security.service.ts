import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  DAY_MS,
  PUBLIC_SECURITY_CONSENT_TEXT,
  PUBLIC_SECURITY_TEXTS,
  WORKFLOW_TIMINGS,
  offersPublicSecurityDataCode,
  type OrderState,
  type PublicSecurityChoice,
  type PublicSecurityView,
  type SessionUser,
} from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { JobRunner } from '../jobs/job.runner';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderAccess } from '../order-core/order-access';
import { OrderDraftStore, type DraftTree } from '../order-core/order-draft.store';
import { ORDER_JOB } from '../order-core/order-jobs.policy';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { PublicSecurityConsentEntity } from './public-security-consent.entity';
import { PublicSecurityDataCodeEntity } from './public-security-data-code.entity';
import { PublicSecurityPlatform } from './public-security-platform.port';

/** States after which the choice no longer matters: the 管局 approved (S000 108), or the order ended. */
const CHOICE_CLOSED: readonly OrderState[] = ['approved', 'withdrawn', 'expired'];

function listAt(draft: DraftTree, section: string): { domains?: unknown }[] {
  return Array.isArray(draft[section]) ? (draft[section] as { domains?: unknown }[]) : [];
}

/** 公安联网备案数据码 (S000): the authorisation at submit and on the progress page, and the code after approval. */
@Injectable()
export class PublicSecurityService implements OnModuleInit {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: OrderAccess,
    private readonly drafts: OrderDraftStore,
    private readonly runner: JobRunner,
    private readonly platform: PublicSecurityPlatform,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.runner.handle<{ orderId: string }>(ORDER_JOB.publicSecurityDataCode, (job) => this.issue(job.payload.orderId));
  }

  async view(user: SessionUser, orderId: string): Promise<PublicSecurityView> {
    const tx = this.db.manager;
    return this.viewOf(tx, await this.access.owned(tx, user, orderId));
  }

  async choose(user: SessionUser, orderId: string, choice: PublicSecurityChoice): Promise<PublicSecurityView> {
    return this.db.transaction(async (tx) => {
      const order = await this.access.owned(tx, user, orderId);
      if (!this.eligible(order, await this.drafts.load(tx, order.id))) throw new AppException('PUBLIC_SECURITY_NOT_OFFERED');
      if (CHOICE_CLOSED.includes(order.status)) throw new AppException('PUBLIC_SECURITY_CHOICE_CLOSED');
      await tx.insert(PublicSecurityConsentEntity, {
        orderId,
        actorId: user.id,
        choice,
        consentText: PUBLIC_SECURITY_CONSENT_TEXT,
        decidedAt: this.clock.now(),
      });
      return this.viewOf(tx, order);
    });
  }

  /** After approval: an authorised order's websites go to the 公安 platform, which answers the data code (or none). */
  private async issue(orderId: string): Promise<void> {
    const tx = this.db.manager;
    const order = await tx.findOne(FilingOrderEntity, { where: { id: orderId } });
    if (order?.status !== 'approved' || (await this.latestChoice(tx, orderId))?.choice !== 'granted') return;
    if (await tx.findOne(PublicSecurityDataCodeEntity, { where: { orderId } })) return;
    const domains = listAt(await this.drafts.load(tx, orderId), 'websites').flatMap((site) => (Array.isArray(site.domains) ? (site.domains as string[]) : []));
    const code = await this.platform.syncWebsites({ orderId, domains });
    const now = this.clock.now();
    const validity = WORKFLOW_TIMINGS.PUBLIC_SECURITY_DATA_CODE_VALIDITY.value * DAY_MS;
    await tx.insert(PublicSecurityDataCodeEntity, { orderId, code, issuedAt: now, expiresAt: code ? new Date(now.getTime() + validity) : null });
  }

  private eligible(order: FilingOrderEntity, draft: DraftTree): boolean {
    return offersPublicSecurityDataCode(order.kind, listAt(draft, 'websites').length);
  }

  private latestChoice(tx: EntityManager, orderId: string): Promise<PublicSecurityConsentEntity | null> {
    return tx.findOne(PublicSecurityConsentEntity, { where: { orderId }, order: { id: 'DESC' } });
  }

  private async viewOf(tx: EntityManager, order: FilingOrderEntity): Promise<PublicSecurityView> {
    const draft = await this.drafts.load(tx, order.id);
    const eligible = this.eligible(order, draft);
    const latest = await this.latestChoice(tx, order.id);
    const choice = latest?.choice ?? null;
    const approved = order.status === 'approved';
    const issued = approved ? await tx.findOne(PublicSecurityDataCodeEntity, { where: { orderId: order.id } }) : null;
    const now = this.clock.now().getTime();
    return {
      eligible,
      visible: eligible && (approved ? choice === 'granted' : !CHOICE_CLOSED.includes(order.status)),
      choice,
      decidedAt: latest ? new Date(latest.decidedAt).toISOString() : null,
      changeable: eligible && !CHOICE_CLOSED.includes(order.status),
      consentText: PUBLIC_SECURITY_CONSENT_TEXT,
      appsNotice: eligible && listAt(draft, 'apps').length > 0 ? PUBLIC_SECURITY_TEXTS.appsNotice : null,
      dataCode:
        issued?.code && issued.expiresAt
          ? {
              code: issued.code,
              issuedAt: new Date(issued.issuedAt).toISOString(),
              expiresAt: new Date(issued.expiresAt).toISOString(),
              expired: now >= new Date(issued.expiresAt).getTime(),
            }
          : null,
      dataCodeFailed: Boolean(issued && !issued.code),
    };
  }
}
