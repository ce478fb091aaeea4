import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** One answer to the 公安 authorisation question (PIPL): who chose what, when, and the exact text shown. Never updated. */
@Entity('public_security_consents')
@Index(['orderId', 'id'])
export class PublicSecurityConsentEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ name: 'actor_id', ...IdColumn })
  actorId: string;

  /** `granted` (同意授权) or `declined` (暂不授权 / 不授权，关闭此模块). */
  @Column({ type: 'varchar', length: 8 })
  choice: 'granted' | 'declined';

  @Column({ name: 'consent_text', type: 'text' })
  consentText: string;

  @TimeColumn({ name: 'decided_at' })
  decidedAt: Date;
}
