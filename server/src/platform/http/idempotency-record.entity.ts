import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, LargeTextColumn, TimeColumn } from '../database/columns';

/** The first answer to a request carrying an Idempotency-Key, replayed for every retry of it, until it expires. */
@Entity('idempotency_records')
@Index('IDX_idempotency_records_created_at', ['createdAt'])
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'user_id', ...IdColumn })
  userId: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  scope: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'status_code', type: 'int' })
  statusCode: number;

  /** The answer's body as JSON, encrypted with the field cipher (it can hold personal data); empty while in progress. */
  @LargeTextColumn()
  response: string;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
