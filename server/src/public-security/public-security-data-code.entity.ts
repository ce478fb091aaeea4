import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** The 公安联网备案数据码 of an approved, authorised order; `code` null when the platform gave none (未获取到数据码). */
@Entity('public_security_data_codes')
export class PublicSecurityDataCodeEntity {
  @PrimaryColumn({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  code: string | null;

  @TimeColumn({ name: 'issued_at' })
  issuedAt: Date;

  @TimeColumn({ name: 'expires_at', nullable: true })
  expiresAt: Date | null;
}
