import { Injectable } from '@nestjs/common';
import { precheck, validateDraftForSubmit, type PrecheckContext, type PrecheckResponse, type TransitionGuard } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { draftPrincipals } from '../order-core/draft-principals';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore, type DraftTree } from '../order-core/order-draft.store';
import { SubmissionChecks } from '../order-core/submission-checks';
import { ChecksGuards, type GuardChecker, type GuardedOrder } from '../order-core/transition-guards';
import { Clock } from '../platform/clock/clock';
import { AppException } from '../platform/errors/app-exception';
import { PrincipalMobilesQuery } from '../sms/principal-mobiles.query';
import { InFlightOrdersCheck } from './in-flight-orders';

type CheckedOrder = Pick<FilingOrderEntity, 'id' | 'ownerId' | 'kind' | 'subjectType' | 'serviceType'>;

/** What the server knows and the submission checks report, when they do not say where their rule comes from. */
const SERVER_CHECK_SOURCE = '提交前服务端核对（材料、短信验证、人脸核验等）';

/**
 * Everything that would stop a submission: the draft's own checks (formats, required fields, rules), the rules that
 * need other orders (the pre-check context: in-flight orders, mobiles of other subjects, the account's phone) and
 * what only the server knows, asked of every registered submission check. Also the `precheck_passed` guard.
 */
@Injectable()
@ChecksGuards(['precheck_passed'])
export class OrderPrecheck implements GuardChecker {
  constructor(
    private readonly drafts: OrderDraftStore,
    private readonly submissionChecks: SubmissionChecks,
    private readonly inFlight: InFlightOrdersCheck,
    private readonly mobiles: PrincipalMobilesQuery,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  async run(tx: EntityManager, order: CheckedOrder, draft: DraftTree): Promise<PrecheckResponse> {
    const ctx = await this.context(tx, order, draft);
    const fields = validateDraftForSubmit(draft, ctx);
    const serverFields = await this.submissionChecks.findings(tx, order.id, draft);
    const known = new Set(fields.map((f) => f.path));
    const server = serverFields.filter((f) => !known.has(f.path)).map((f) => ({ ...f, source: f.source ?? SERVER_CHECK_SOURCE }));
    return { fields: [...fields, ...server], findings: precheck(draft, ctx) };
  }

  async check(_guard: TransitionGuard, tx: EntityManager, order: GuardedOrder): Promise<void> {
    const full = await tx.findOneByOrFail(FilingOrderEntity, { id: order.id });
    const { fields, findings } = await this.run(tx, full, await this.drafts.load(tx, order.id));
    const blocking = findings.filter((f) => f.severity === 'error').map(({ path, code, message }) => ({ path, code, message }));
    // Everything at once: what is missing or malformed, and what the rules refuse.
    if (fields.length) throw AppException.validation([...fields, ...blocking]);
    if (blocking.length) throw new AppException('PRECHECK_FAILED', blocking, { findings });
  }

  /** The pre-check's view beyond the draft, through blind indexes: one statement for orders, one for mobiles. */
  private async context(tx: EntityManager, order: CheckedOrder, draft: DraftTree): Promise<PrecheckContext> {
    const mobiles = [...new Set(draftPrincipals(draft).flatMap((principal) => (principal.mobile ? [principal.mobile] : [])))];
    const inFlightOrders = await this.inFlight.countsFor(tx, order.id);
    const personal = order.subjectType === 'personal';
    const facts = await this.mobiles.facts(tx, { orderId: order.id, ownerId: order.ownerId, personal }, mobiles);
    // The account's bound phone, once bound, is what a personal filing's mobile must be (not just a warning).
    const boundPhone = personal ? await this.accounts.boundMobile(tx, order.ownerId) : null;
    const accountMobile = boundPhone ? { accountMobile: boundPhone, accountMobileFrom: 'bound_phone' as const } : {};
    return {
      kind: order.kind,
      subjectType: order.subjectType,
      serviceType: order.serviceType,
      now: this.clock.now(),
      inFlightOrders,
      ...facts,
      ...accountMobile,
    };
  }
}
