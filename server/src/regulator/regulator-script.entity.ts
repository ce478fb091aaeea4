import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** The simulated 管局's decision for one order, set by tests and demos (simulator only). */
@Entity('regulator_sim_scripts')
export class RegulatorScriptEntity {
  @PrimaryColumn({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ type: 'varchar', length: 8 })
  outcome: 'approve' | 'reject' | 'timeout';

  @Column({ name: 'after_working_days', type: 'int' })
  afterWorkingDays: number;

  /** JSON `string[]`. */
  @Column({ type: 'text' })
  reasons: string;

  @TimeColumn({ name: 'updated_at' })
  updatedAt: Date;
}
