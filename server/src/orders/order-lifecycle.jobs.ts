import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  formatChinaTime,
  DAY_MS,
  INACTIVITY_REMINDERS,
  ORDER_KINDS,
  ORDER_STATES,
  PROGRESS_MESSAGES,
  WORKFLOW_TIMINGS,
  nextStepText,
  statusLabel,
} from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { JobScheduler } from '../jobs/job-scheduler';
import { JobRunner } from '../jobs/job.runner';
import { MessageRequests } from '../notifications/message-requests';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderHistoryEntity } from '../order-core/order-history.entity';
import { ORDER_JOB, publicSecurityDeadline, type InactivityJobPayload } from '../order-core/order-jobs.policy';
import { OrderStateMachine } from '../order-core/order-state-machine';

const EXPIRY_DAYS = WORKFLOW_TIMINGS.INACTIVITY_EXPIRY.value;

/**
 * Time-driven order jobs: while the applicant leaves a waiting state alone, reminders at 7/15/30 days (each once
 * per waiting period) and `expire` at 45 days, data kept; the public-security filing reminder after approval.
 */
@Injectable()
export class OrderLifecycleJobs implements OnModuleInit {
  constructor(
    private readonly db: DatabaseService,
    private readonly runner: JobRunner,
    private readonly jobs: JobScheduler,
    private readonly stateMachine: OrderStateMachine,
    private readonly messages: MessageRequests,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.runner.handle<InactivityJobPayload>(ORDER_JOB.inactivity, (job) => this.checkInactivity(job.payload));
    this.runner.handle<{ orderId: string; approvedAt: string }>(ORDER_JOB.publicSecurityReminder, (job) => this.remindPublicSecurity(job.payload));
  }

  private async checkInactivity(job: InactivityJobPayload): Promise<void> {
    await this.db.transaction(async (tx) => {
      const order = await this.waitingOrder(tx, job);
      if (!order) return;
      const now = this.clock.now();
      const idleDays = Math.floor((now.getTime() - new Date(order.updatedAt).getTime()) / DAY_MS);
      if (idleDays >= EXPIRY_DAYS) {
        await this.stateMachine.fire(tx, order, {
          event: 'expire',
          actor: { type: 'system', id: null },
          reason: `超过 ${EXPIRY_DAYS} 天未处理，订单已失效，已填写的信息仍保留`,
        });
        return;
      }
      const next = [...INACTIVITY_REMINDERS.days, EXPIRY_DAYS].find((day) => day > idleDays) ?? EXPIRY_DAYS;
      const dueAt = new Date(new Date(order.updatedAt).getTime() + next * DAY_MS);
      await this.jobs.schedule(tx, {
        type: ORDER_JOB.inactivity,
        payload: { ...job },
        dueAt,
        dedupeKey: `${ORDER_JOB.inactivity}:${order.id}:${job.historyId}:${dueAt.getTime()}`,
      });
      const reached = INACTIVITY_REMINDERS.days.filter((day) => day <= idleDays).at(-1);
      if (reached === undefined) return;
      const expiresAt = new Date(new Date(order.updatedAt).getTime() + EXPIRY_DAYS * DAY_MS);
      const message = {
        userId: order.ownerId,
        orderId: order.id,
        type: 'order_expiring',
        title: PROGRESS_MESSAGES.order_expiring.title,
        body: `订单已 ${reached} 天未处理，将于 ${formatChinaTime(expiresAt)} 失效（还剩 ${EXPIRY_DAYS - reached} 天）。\n${nextStepText(order.status, order.kind)}`,
        status: statusLabel(order.status, order.kind),
      };
      await this.messages.request(tx, message, `${ORDER_JOB.inactivity}:${order.id}:${job.historyId}:reminder:${reached}`, now);
    });
  }

  /** The order while it still waits in the state the job was scheduled for (no later move). */
  private async waitingOrder(tx: EntityManager, job: InactivityJobPayload): Promise<FilingOrderEntity | null> {
    const order = await tx.findOne(FilingOrderEntity, { where: { id: job.orderId } });
    if (!order || !ORDER_STATES[order.status].expiresWhenInactive) return null;
    const latest = await tx.findOne(OrderHistoryEntity, { select: { id: true }, where: { orderId: order.id }, order: { id: 'DESC' } });
    return String(latest?.id) === job.historyId ? order : null;
  }

  private async remindPublicSecurity(job: { orderId: string; approvedAt: string }): Promise<void> {
    const order = await this.db.manager.findOne(FilingOrderEntity, { where: { id: job.orderId } });
    if (order?.status !== 'approved' || !ORDER_KINDS[order.kind].publicSecurityDataCode) return;
    const deadline = publicSecurityDeadline(new Date(job.approvedAt));
    const message = {
      userId: order.ownerId,
      orderId: order.id,
      type: 'public_security_filing_due',
      title: PROGRESS_MESSAGES.public_security_filing_due.title,
      body: `网站和APP均须在开通之日起30日内办理公安联网备案：请在 ${formatChinaTime(deadline)} 前登录 https://beian.mps.gov.cn 完成公安联网备案，网站还须在首页底部展示公安备案号。`,
      status: statusLabel(order.status, order.kind),
    };
    await this.db.transaction((tx) => this.messages.request(tx, message, `${ORDER_JOB.publicSecurityReminder}:${order.id}`, this.clock.now()));
  }
}
