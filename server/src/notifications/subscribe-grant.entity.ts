import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

export type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter';

/** One answer of `wx.requestSubscribeMessage` for one template; an `accept` allows exactly one send. */
@Entity('subscribe_grants')
@Index(['userId', 'templateId', 'result', 'usedAt'])
export class SubscribeGrantEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', ...IdColumn })
  userId: string;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'varchar', length: 8 })
  result: SubscribeResult;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;

  @TimeColumn({ name: 'used_at', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'used_by_message_id', type: 'int', nullable: true })
  usedByMessageId: number | null;
}
