import { Injectable, type OnModuleInit } from '@nestjs/common';
import { changesRecord } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { RecordDrafts } from '../filing-record/record-draft';
import { JobRunner } from '../jobs/job.runner';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore, type DraftTree } from '../order-core/order-draft.store';
import { ORDER_JOB } from '../order-core/order-jobs.policy';
import { OrderStateMachine } from '../order-core/order-state-machine';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { ResourceLapse } from '../resources/resource-lapse.service';
import { RegulatorGateway } from './regulator-gateway.port';

/**
 * The system's `submit_to_regulator`: an order waiting in `pending_regulator_submission` goes to the regulator port, unless
 * its cloud resource lapsed during 初审 (then it goes back to the applicant).
 */
@Injectable()
export class RegulatorSubmitter implements OnModuleInit {
  constructor(
    private readonly db: DatabaseService,
    private readonly runner: JobRunner,
    private readonly stateMachine: OrderStateMachine,
    private readonly drafts: OrderDraftStore,
    private readonly gateway: RegulatorGateway,
    private readonly clock: Clock,
    private readonly recordDrafts: RecordDrafts,
    private readonly resourceLapse: ResourceLapse,
  ) {}

  onModuleInit(): void {
    this.runner.handle<{ orderId: string }>(ORDER_JOB.regulatorSubmit, (job) => this.submit(job.payload.orderId));
  }

  private submit(orderId: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const order = await tx.findOne(FilingOrderEntity, { where: { id: orderId } });
      if (order?.status !== 'pending_regulator_submission') return;
      if (await this.resourceLapse.returnIfLapsed(tx, order)) return;
      const moved = await this.stateMachine.fire(tx, order, { event: 'submit_to_regulator', actor: { type: 'system', id: null } });
      await this.gateway.submit(tx, {
        orderId,
        kind: order.kind,
        subjectType: order.subjectType,
        serviceType: order.serviceType,
        draft: await this.drafts.load(tx, orderId),
        record: await this.changedRecord(tx, order),
        submissionId: moved.historyId,
        enters: moved.status,
        at: this.clock.now(),
      });
    });
  }

  /** 变更: the record as approved before this order, which the order's draft is compared with. */
  private async changedRecord(tx: EntityManager, order: FilingOrderEntity): Promise<DraftTree | null> {
    if (!changesRecord(order.kind) || !order.subjectId) return null;
    const record = await this.recordDrafts.draftOf(tx, order.subjectId, order.serviceIds ? (JSON.parse(order.serviceIds) as string[]) : []);
    return record?.draft ?? null;
  }
}
