import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { MessageEntity } from './message.entity';
import type { MessagePage, MessageView } from '@beian/shared';

export interface NewMessage {
  userId: string;
  orderId: string | null;
  type: string;
  title: string;
  body: string;
  dedupeKey: string;
}

const toView = (m: MessageEntity): MessageView => ({
  id: m.id,
  type: m.type,
  title: m.title,
  body: m.body,
  orderId: m.orderId,
  createdAt: m.createdAt.toISOString(),
  readAt: m.readAt?.toISOString() ?? null,
});

/** The in-app message centre: each user sees only their own messages, newest first. */
@Injectable()
export class MessageCentreService {
  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
  ) {}

  /** Adds a message once per dedupe key and returns it (the existing one when it was already recorded). */
  async record(message: NewMessage): Promise<MessageEntity> {
    return (await this.recordAll([message]))[0]!;
  }

  /**
   * Adds each message once per dedupe key in one statement and returns them in the same order, as stored (the
   * existing one when it was already recorded): one more statement reads their ids.
   */
  async recordAll(messages: NewMessage[]): Promise<MessageEntity[]> {
    if (!messages.length) return [];
    const createdAt = this.db.timeParam(this.clock.now());
    const values = messages.map(() => '(?, ?, ?, ?, ?, ?, NULL, ?)').join(', ');
    const sql = `INSERT ${this.db.isSqlite ? 'OR IGNORE' : 'IGNORE'} INTO messages (user_id, order_id, type, title, body, dedupe_key, read_at, created_at) VALUES ${values}`;
    const params = messages.flatMap((m) => [m.userId, m.orderId, m.type, m.title, m.body, m.dedupeKey, createdAt]);
    await this.db.statement((db) => this.db.execute(db, sql, params));
    const stored = new Map(
      (await this.db.manager.find(MessageEntity, { where: { dedupeKey: In(messages.map((m) => m.dedupeKey)) } })).map((m) => [m.dedupeKey, m]),
    );
    return messages.map((m) => {
      const found = stored.get(m.dedupeKey);
      if (!found) throw new Error(`message ${m.dedupeKey} was neither recorded nor found`);
      return found;
    });
  }

  async list(userId: string, limit: number, before?: number): Promise<MessagePage> {
    const query = this.db.manager
      .createQueryBuilder(MessageEntity, 'm')
      .where('m.userId = :userId', { userId })
      .orderBy('m.id', 'DESC')
      .limit(limit + 1);
    if (before !== undefined) query.andWhere('m.id < :before', { before });
    const rows = await query.getMany();
    const items = rows.slice(0, limit).map(toView);
    return { items, nextBefore: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
  }

  unreadCount(userId: string): Promise<number> {
    return this.db.manager.createQueryBuilder(MessageEntity, 'm').where('m.userId = :userId', { userId }).andWhere('m.readAt IS NULL').getCount();
  }

  async markRead(userId: string, id: number): Promise<MessageView> {
    const message = await this.db.transaction(async (tx) => {
      const found = await tx.findOne(MessageEntity, { where: { id, userId } });
      if (!found) throw new AppException('NOT_FOUND');
      if (!found.readAt) {
        found.readAt = this.clock.now();
        await tx.update(MessageEntity, { id }, { readAt: found.readAt });
      }
      return found;
    });
    return toView(message);
  }
}
