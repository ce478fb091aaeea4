import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { SubscribeGrantEntity, type SubscribeResult } from './subscribe-grant.entity';

/** What the mini-program got from `wx.requestSubscribeMessage` (at most 3 templates per request). */
export interface GrantResults {
  templateIds: string[];
  results: Record<string, SubscribeResult>;
}

/** A message that wants a grant of its user for a template. */
export interface GrantSpend {
  userId: string;
  templateId: string;
  messageId: number;
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
   * Spends one unused accepted grant per message, oldest first per user and template, in one statement; answers
   * the messages that got one. The n-th message of a user and template takes the n-th oldest unused grant; where
   * a parallel spender took it first (MySQL/MariaDB: the row is locked, then no longer unused), the messages left
   * without one try once more on the grants still unused.
   */
  async consumeAll(spends: GrantSpend[]): Promise<Set<number>> {
    const granted = new Set<number>();
    let left = spends;
    for (let pass = 0; pass < 2 && left.length; pass++) {
      const spent = await this.spend(left);
      if (spent === left.length) left.forEach((s) => granted.add(s.messageId));
      else if (spent > 0) {
        const ids = left.map((s) => s.messageId);
        const rows = await this.db.manager.find(SubscribeGrantEntity, { select: { id: true, usedByMessageId: true }, where: { usedByMessageId: In(ids) } });
        rows.forEach((row) => granted.add(row.usedByMessageId!));
      }
      left = left.filter((s) => !granted.has(s.messageId));
    }
    return granted;
  }

  /** One UPDATE: ranks each user's unused grants of a template (ROW_NUMBER) and gives the n-th to the n-th message. */
  private async spend(spends: GrantSpend[]): Promise<number> {
    const seen = new Map<string, number>();
    const ranked = spends.map((s) => {
      const key = JSON.stringify([s.userId, s.templateId]);
      seen.set(key, (seen.get(key) ?? 0) + 1);
      return { ...s, n: seen.get(key)! };
    });
    const pairs = [...seen.keys()].map((key) => JSON.parse(key) as [string, string]);
    const rowsIn = (count: number, width: number) => {
      const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
      return this.db.isSqlite ? `(VALUES ${Array.from({ length: count }, () => row).join(', ')})` : `(${Array.from({ length: count }, () => row).join(', ')})`;
    };
    const unused = `SELECT id, user_id, template_id, ROW_NUMBER() OVER (PARTITION BY user_id, template_id ORDER BY id) AS n FROM subscribe_grants
      WHERE result = 'accept' AND used_at IS NULL AND (user_id, template_id) IN ${rowsIn(pairs.length, 2)}`;
    const messageOf = `CASE ${ranked.map(() => 'WHEN r.user_id = ? AND r.template_id = ? AND r.n = ? THEN ?').join(' ')} END`;
    const wanted = `(r.user_id, r.template_id, r.n) IN ${rowsIn(ranked.length, 3)}`;
    const pairParams = pairs.flat();
    const caseParams = ranked.flatMap((s) => [s.userId, s.templateId, s.n, s.messageId]);
    const wantedParams = ranked.flatMap((s) => [s.userId, s.templateId, s.n]);
    const now = this.db.timeParam(this.clock.now());
    const [sql, params] = this.db.isSqlite
      ? [
          `UPDATE subscribe_grants SET used_at = ?, used_by_message_id = ${messageOf} FROM (${unused}) r
            WHERE subscribe_grants.id = r.id AND subscribe_grants.used_at IS NULL AND ${wanted}`,
          [now, ...caseParams, ...pairParams, ...wantedParams],
        ]
      : [
          `UPDATE subscribe_grants g JOIN (${unused}) r ON r.id = g.id SET g.used_at = ?, g.used_by_message_id = ${messageOf}
            WHERE g.used_at IS NULL AND ${wanted}`,
          [...pairParams, now, ...caseParams, ...wantedParams],
        ];
    return this.db.statement((db) => this.db.execute(db, sql, params));
  }

  /** Gives back the grant a message spent when its send failed before WeChat took it. */
  async release(messageId: number): Promise<void> {
    await this.db.transaction((tx) => tx.update(SubscribeGrantEntity, { usedByMessageId: messageId }, { usedAt: null, usedByMessageId: null }));
  }
}
