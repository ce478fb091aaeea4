import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OrderKind, OrderState } from '@beian/shared';
import { IdColumn, TimeColumn } from '../platform/database/columns';

@Entity('filing_orders')
@Index(['ownerId', 'status'])
@Index(['subjectIndex', 'status'])
@Index(['subjectId', 'status'])
// The 初审 queue (one status, oldest submission first) and the orders-by-state gauge read only this index.
@Index(['status', 'submittedAt'])
export class FilingOrderEntity {
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ name: 'owner_id', ...IdColumn })
  ownerId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: OrderKind;

  @Column({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType: 'personal' | 'unit';

  @Column({ name: 'service_type', type: 'varchar', length: 16 })
  serviceType: 'website' | 'app';

  @Column({ type: 'varchar', length: 40 })
  status: OrderState;

  /** Blind index of the subject's certificate number (FieldCipher.blindIndex): finds a subject's filings with us. */
  @Column({ name: 'subject_index', type: 'varchar', length: 64, nullable: true })
  subjectIndex: string | null;

  /** The 我的备案 subject the order starts from (post-approval kinds); null for an order that files a new subject. */
  @Column({ name: 'subject_id', ...IdColumn, nullable: true })
  subjectId: string | null;

  /** JSON array of the subject's service ids the order acts on (变更服务, 注销服务, 取消接入 …); null when none. */
  @Column({ name: 'service_ids', type: 'text', nullable: true })
  serviceIds: string | null;

  /** Optimistic concurrency: every draft save or transition bumps it; a stale save is a conflict. */
  @Column({ type: 'int' })
  version: number;

  @TimeColumn({ name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;

  @TimeColumn({ name: 'updated_at' })
  updatedAt: Date;
}
