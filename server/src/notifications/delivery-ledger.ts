import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { asError } from '../platform/errors/as-error';
import { MessageDeliveryEntity, type DeliveryStatus } from './message-delivery.entity';
import type { ChannelDelivery, ChannelResult, NotificationChannel } from './notification-channel.port';

/** A message for one channel. */
export interface LedgerDelivery extends ChannelDelivery {
  channel: NotificationChannel;
}

interface Outcome {
  messageId: number;
  channel: string;
  status: DeliveryStatus;
  detail: string | null;
}

const keyOf = (messageId: number, channel: string) => `${channel}:${messageId}`;

/**
 * Sends a message on a channel at most once: the (message, channel) row is taken before sending and holds the
 * outcome after. A failed send frees it for the outbox retry; a send interrupted by a crash is never repeated.
 * The rows of a whole batch, every channel, are taken in one statement and settled in one.
 */
@Injectable()
export class DeliveryLedger {
  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
  ) {}

  /** Per delivery: null when it is done (sent, refused, skipped, or not this worker's to send), else the error to retry on. */
  async deliverAll(deliveries: LedgerDelivery[]): Promise<(Error | null)[]> {
    if (!deliveries.length) return [];
    const mine = await this.begin(deliveries);
    const channels = [...new Set(deliveries.map((d) => d.channel))];
    const results = new Map<string, ChannelResult | Error>();
    await Promise.all(
      channels.map(async (channel) => {
        const sending = deliveries.filter((d) => d.channel === channel && mine.has(keyOf(d.message.id, channel.name)));
        if (!sending.length) return;
        const answers = await channel.deliverAll(sending).catch((error: unknown) => sending.map(() => asError(error)));
        sending.forEach((d, i) =>
          results.set(keyOf(d.message.id, channel.name), answers[i] ?? new Error(`${channel.name} gave no result for message ${d.message.id}`)),
        );
      }),
    );
    await this.settle(
      deliveries.flatMap(({ message, channel }): Outcome[] => {
        const result = results.get(keyOf(message.id, channel.name));
        if (!result) return [];
        return result instanceof Error
          ? [{ messageId: message.id, channel: channel.name, status: 'failed', detail: result.message }]
          : [{ messageId: message.id, channel: channel.name, status: result.outcome, detail: result.detail ?? null }];
      }),
    );
    return deliveries.map(({ message, channel }) => {
      const result = results.get(keyOf(message.id, channel.name));
      return result instanceof Error ? result : null;
    });
  }

  /**
   * The (message, channel) keys this worker may send now: the first attempt (its row inserted by this call) or a
   * retry after a failure. A row left `sending` by a worker that died becomes `unknown` and is not sent again.
   */
  private async begin(deliveries: LedgerDelivery[]): Promise<Set<string>> {
    const now = this.clock.now();
    const claim = `taking ${randomUUID()}`;
    const values = deliveries.map(() => `(?, ?, 'sending', 1, ?, ?)`).join(', ');
    const sql = `INSERT ${this.db.isSqlite ? 'OR IGNORE' : 'IGNORE'} INTO message_deliveries (message_id, channel, status, attempts, detail, updated_at) VALUES ${values}`;
    const params = deliveries.flatMap((d) => [d.message.id, d.channel.name, claim, this.db.timeParam(now)]);
    const inserted = await this.db.statement((db) => this.db.execute(db, sql, params));
    const keys = deliveries.map((d) => keyOf(d.message.id, d.channel.name));
    if (inserted === deliveries.length) return new Set(keys);
    const ids = [...new Set(deliveries.map((d) => d.message.id))];
    const wanted = new Set(keys);
    const rows = (await this.db.manager.createQueryBuilder(MessageDeliveryEntity, 'd').where('d.messageId IN (:...ids)', { ids }).getMany()).filter((row) =>
      wanted.has(keyOf(row.messageId, row.channel)),
    );
    const mine = new Set<string>();
    for (const row of rows) {
      if (row.status === 'sending' && row.detail === claim) mine.add(keyOf(row.messageId, row.channel));
      else if (row.status === 'failed') {
        const retried = await this.db.statement((db) =>
          db.update(MessageDeliveryEntity, { id: row.id, status: 'failed' }, { status: 'sending', attempts: row.attempts + 1, detail: claim, updatedAt: now }),
        );
        if (retried.affected) mine.add(keyOf(row.messageId, row.channel));
      } else if (row.status === 'sending') {
        await this.db.statement((db) =>
          db.update(MessageDeliveryEntity, { id: row.id, status: 'sending' }, { status: 'unknown', detail: 'worker stopped while sending', updatedAt: now }),
        );
      }
    }
    return mine;
  }

  /** One UPDATE for every outcome of the batch: a CASE branch per channel and outcome (all `sent` in the usual batch). */
  private async settle(outcomes: Outcome[]): Promise<void> {
    if (!outcomes.length) return;
    const groups = new Map<string, Outcome[]>();
    for (const outcome of outcomes) {
      const key = JSON.stringify([outcome.channel, outcome.status, outcome.detail]);
      groups.set(key, [...(groups.get(key) ?? []), outcome]);
    }
    const branches = [...groups.values()].map((group) => ({
      condition: `(channel = ? AND message_id IN (${group.map(() => '?').join(', ')}))`,
      params: [group[0]!.channel, ...group.map((o) => o.messageId)],
      status: group[0]!.status,
      detail: group[0]!.detail?.slice(0, 255) ?? null,
    }));
    const byBranch = `CASE ${branches.map((b) => `WHEN ${b.condition} THEN ?`).join(' ')} END`;
    const sql = `UPDATE message_deliveries SET status = ${byBranch}, detail = ${byBranch}, updated_at = ? WHERE ${branches.map((b) => b.condition).join(' OR ')}`;
    const params = [
      ...branches.flatMap((b) => [...b.params, b.status]),
      ...branches.flatMap((b) => [...b.params, b.detail]),
      this.db.timeParam(this.clock.now()),
      ...branches.flatMap((b) => b.params),
    ];
    await this.db.statement((db) => this.db.execute(db, sql, params));
  }
}
