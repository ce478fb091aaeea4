import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RESULT_CHANNEL_KEYS, RESULT_CHANNELS, type ResultChannel, type ResultChannelSetting } from '@beian/shared';
import { Clock } from '../platform/clock/clock';
import { DatabaseService, isDuplicateKeyError } from '../platform/database/database.service';
import { ResultChannelOptoutEntity } from './result-channel-optout.entity';

/** 通知方式: whether the user's progress messages also go out by SMS and e-mail (on until turned off). */
@Injectable()
export class ResultChannelSettings {
  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
  ) {}

  async list(userId: string): Promise<ResultChannelSetting[]> {
    const off = new Set((await this.db.manager.find(ResultChannelOptoutEntity, { where: { userId } })).map((row) => row.channel));
    return RESULT_CHANNEL_KEYS.map((channel) => ({ channel, label: RESULT_CHANNELS[channel], enabled: !off.has(channel) }));
  }

  async set(userId: string, channel: ResultChannel, enabled: boolean): Promise<ResultChannelSetting[]> {
    if (enabled) await this.db.manager.delete(ResultChannelOptoutEntity, { userId, channel });
    else {
      try {
        await this.db.manager.insert(ResultChannelOptoutEntity, { userId, channel, createdAt: this.clock.now() });
      } catch (error) {
        // Already off: turning it off again changes nothing.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return this.list(userId);
  }

  /** Which of these users turned the channel off, in one read. */
  async optedOut(userIds: string[], channel: ResultChannel): Promise<Set<string>> {
    const unique = [...new Set(userIds)];
    if (!unique.length) return new Set();
    const rows = await this.db.manager.find(ResultChannelOptoutEntity, { select: { userId: true }, where: { userId: In(unique), channel } });
    return new Set(rows.map((row) => row.userId));
  }
}
