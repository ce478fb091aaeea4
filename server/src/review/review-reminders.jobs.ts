import { Injectable, type OnModuleInit } from '@nestjs/common';
import { statusLabel } from '@beian/shared';
import { JobRunner } from '../jobs/job.runner';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { MessageRequests } from '../notifications/message-requests';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { ReviewCallEntity } from './review-call.entity';
import { SECOND_CALL_JOB } from './review-calls.query';

/** An hour after a first unreachable call, the reviewer is reminded to call again (unless the matter moved on). */
@Injectable()
export class ReviewReminders implements OnModuleInit {
  constructor(
    private readonly db: DatabaseService,
    private readonly runner: JobRunner,
    private readonly messages: MessageRequests,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.runner.handle<{ orderId: string; reviewerId: string; firstCallId: number }>(SECOND_CALL_JOB, (job) => this.remind(job.payload, job.dedupeKey));
  }

  private async remind(job: { orderId: string; reviewerId: string; firstCallId: number }, dedupeKey: string): Promise<void> {
    const order = await this.db.manager.findOne(FilingOrderEntity, { select: { id: true, status: true }, where: { id: job.orderId } });
    if (order?.status !== 'pending_initial_review') return;
    const later = await this.db.manager
      .createQueryBuilder(ReviewCallEntity, 'c')
      .where('c.orderId = :orderId AND c.id > :id', { orderId: job.orderId, id: job.firstCallId })
      .getCount();
    if (later) return;
    const message = {
      userId: job.reviewerId,
      orderId: job.orderId,
      type: 'review_second_call',
      title: '请再次致电申请人',
      body: '首次致电未接通已满 1 小时，请再次致电；仍未接通的，可以“电话无法联系”驳回。',
      status: statusLabel(order.status),
    };
    await this.db.transaction((tx) => this.messages.request(tx, message, dedupeKey, this.clock.now()));
  }
}
