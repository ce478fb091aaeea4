import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OrderEvent, OrderState } from '@beian/shared';
import { IdColumn, TimeColumn } from '../platform/database/columns';

@Entity('order_history')
export class OrderHistoryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ name: 'from_status', type: 'varchar', length: 40, nullable: true })
  fromStatus: OrderState | null;

  @Column({ name: 'to_status', type: 'varchar', length: 40 })
  toStatus: OrderState;

  @Column({ type: 'varchar', length: 40 })
  event: OrderEvent | 'create';

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
