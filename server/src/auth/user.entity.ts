import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@beian/shared';
import { IdColumn, TimeColumn } from '../platform/database/columns';

@Entity('users')
export class UserEntity {
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true, nullable: true })
  openid: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Column({ type: 'varchar', length: 64 })
  nickname: string;

  @Column({ type: 'simple-array' })
  roles: Role[];

  /** WeChat session_key, encrypted; it never leaves the server. */
  @Column({ name: 'session_key', type: 'text', nullable: true })
  sessionKey: string | null;

  @Column({ name: 'is_dev', type: 'boolean', default: false })
  isDev: boolean;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
