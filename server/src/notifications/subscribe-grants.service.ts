import { Injectable } from '@nestjs/common';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { SubscribeGrantEntity, type SubscribeResult } from './subscribe-grant.entity';

/** What the mini-program got from `wx.requestSubscribeMessage` (at most 3 templates per request). */
export interface GrantResults {
  templateIds: string[];
  results: Record<string, SubscribeResult>;
}

/** Grants from `wx.requestSubscribeMessage`: every `accept` allows one subscribe message with that template. */
@Injectable()
export class SubscribeGrantsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
  ) {}

  /** Records each template's answer; returns how many sends were granted. */
  async record(userId: string, request: GrantResults): Promise<{ accepted: number }> {
    const now = this.clock.now();
    const rows = request.templateIds
      .filter((templateId) => request.results[templateId])
      .map((templateId) => ({ userId, templateId, result: request.results[templateId]!, createdAt: now, usedAt: null, usedByMessageId: null }));
    if (rows.length) await this.db.transaction((tx) => tx.insert(SubscribeGrantEntity, rows));
    return { accepted: rows.filter((r) => r.result === 'accept').length };
  }

  /**
   * Spends the oldest unused accepted grant for the template in one statement; false when there is none. On
   * MySQL/MariaDB a parallel spender waits for the row lock, then moves on to the next unused grant.
   */
  async consume(userId: string, templateId: string, messageId: number): Promise<boolean> {
    const unused = "user_id = ? AND template_id = ? AND result = 'accept' AND used_at IS NULL";
    const sql = this.db.isSqlite
      ? `UPDATE subscribe_grants SET used_at = ?, used_by_message_id = ? WHERE id = (SELECT id FROM subscribe_grants WHERE ${unused} ORDER BY id LIMIT 1)`
      : `UPDATE subscribe_grants SET used_at = ?, used_by_message_id = ? WHERE ${unused} ORDER BY id LIMIT 1`;
    const params = [this.db.timeParam(this.clock.now()), messageId, userId, templateId];
    return (await this.db.statement((db) => this.db.execute(db, sql, params))) > 0;
  }

  /** Gives back the grant a message spent when its send failed before WeChat took it. */
  async release(messageId: number): Promise<void> {
    await this.db.transaction((tx) => tx.update(SubscribeGrantEntity, { usedByMessageId: messageId }, { usedAt: null, usedByMessageId: null }));
  }
}
