import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** Who looked at which personal data, material or video of which order, when and why. Append only. */
@Entity('audit_log')
@Index(['orderId', 'createdAt'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'actor_id', ...IdColumn })
  actorId: string;

  /**
   * `access.issued` (a signed link was handed out), `access.opened` (the link was used), `face_check.confirmed` or
   * `face_check.rejected` (a reviewer's verdict on a face video).
   */
  @Column({ type: 'varchar', length: 32 })
  action: 'access.issued' | 'access.opened' | 'face_check.confirmed' | 'face_check.rejected';

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  /** `field:<path>`, `material:<fileId>` or `face_video:<fileId>`. */
  @Column({ type: 'varchar', length: 240 })
  target: string;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
