import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
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

  /** Spends the oldest unused accepted grant for the template; false when there is none. */
  consume(userId: string, templateId: string, messageId: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const grant = await this.lockUnused(tx, userId, templateId);
      if (!grant) return false;
      await tx.update(SubscribeGrantEntity, { id: grant.id }, { usedAt: this.clock.now(), usedByMessageId: messageId });
      return true;
    });
  }

  /** Gives back the grant a message spent when its send failed before WeChat took it. */
  async release(messageId: number): Promise<void> {
    await this.db.transaction((tx) => tx.update(SubscribeGrantEntity, { usedByMessageId: messageId }, { usedAt: null, usedByMessageId: null }));
  }

  private lockUnused(tx: EntityManager, userId: string, templateId: string): Promise<SubscribeGrantEntity | null> {
    const query = tx
      .createQueryBuilder(SubscribeGrantEntity, 'g')
      .where({ userId, templateId, result: 'accept', usedAt: IsNull() })
      .orderBy('g.id', 'ASC')
      .limit(1);
    if (!this.db.isSqlite) query.setLock('pessimistic_write').setOnLocked('skip_locked');
    return query.getOne();
  }
}
