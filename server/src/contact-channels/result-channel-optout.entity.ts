import type { ResultChannel } from '@beian/shared';
import { Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** A user who turned a result channel off (SMS or e-mail); without a row the channel is on. */
@Entity('result_channel_optouts')
export class ResultChannelOptoutEntity {
  @PrimaryColumn({ name: 'user_id', ...IdColumn })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  channel: ResultChannel;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
