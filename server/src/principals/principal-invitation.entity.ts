import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** An invitation for one principal to do their face check on their own phone. Only the token's hash is kept. */
@Entity('principal_invitations')
@Index(['orderId'])
export class PrincipalInvitationEntity {
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ type: 'varchar', length: 64 })
  path: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  /** Blind index of the principal's certificate number when invited: the face check is keyed by it. */
  @Column({ name: 'certificate_index', type: 'varchar', length: 64 })
  certificateIndex: string;

  @Column({ name: 'created_by', ...IdColumn })
  createdBy: string;

  /** The one account bound to the invitation (the first that accepted). */
  @Column({ name: 'accepted_by', ...IdColumn, nullable: true })
  acceptedBy: string | null;

  @TimeColumn({ name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @TimeColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @TimeColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
