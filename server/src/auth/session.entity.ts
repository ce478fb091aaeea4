import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** A login session; only the SHA-256 of the bearer token is stored. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Index()
  @Column({ name: 'user_id', ...IdColumn })
  userId: string;

  @TimeColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
