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
   * `face_check.rejected` (a reviewer's verdict on a face video), `record.migrated` (迁移备案账号: a subject moved to
   * another account).
   */
  @Column({ type: 'varchar', length: 32 })
  action: 'access.issued' | 'access.opened' | 'face_check.confirmed' | 'face_check.rejected' | 'record.migrated';

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  /** `field:<path>`, `material:<fileId>`, `face_video:<fileId>` or `subject:<subjectId>`. */
  @Column({ type: 'varchar', length: 240 })
  target: string;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
