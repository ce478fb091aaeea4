import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** One 生成并授权: `count` 服务码 from a grantor to a receiver in a natural year (the yearly limits count distinct pairs). */
@Entity('service_code_grants')
@Index(['grantorUserId', 'year'])
@Index(['receiverUserId', 'year'])
export class CodeGrantEntity {
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ name: 'grantor_user_id', ...IdColumn })
  grantorUserId: string;

  @Column({ name: 'receiver_user_id', ...IdColumn })
  receiverUserId: string;

  /** The natural year (China time) of the grant. */
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  count: number;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
