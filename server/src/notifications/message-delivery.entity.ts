import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TimeColumn } from '../platform/database/columns';

/**
 * One row per (message, channel) beyond the message centre: the unique key is what keeps a redelivered outbox
 * event from sending the same message twice on a channel.
 * `sending` left behind means a worker died mid-send: the message may have gone out, so it becomes `unknown`
 * and is not sent again.
 */
export type DeliveryStatus = 'sending' | 'sent' | 'refused' | 'skipped' | 'failed' | 'unknown';

@Entity('message_deliveries')
@Unique(['messageId', 'channel'])
export class MessageDeliveryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'message_id', type: 'int' })
  messageId: number;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  detail: string | null;

  @TimeColumn({ name: 'updated_at' })
  updatedAt: Date;
}
