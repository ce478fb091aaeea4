import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** An ICP number the 管局 issued; unique, never reused. */
@Entity('icp_numbers')
@Index(['orderId'])
export class IcpNumberEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40, unique: true })
  number: string;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ type: 'varchar', length: 8 })
  kind: 'subject' | 'service';

  /** 0 for the subject number, n for `…号-n`. */
  @Column({ type: 'int' })
  position: number;

  @TimeColumn({ name: 'issued_at' })
  issuedAt: Date;
}

/** The simulated 管局's serial counter per province and year: serials only grow, so numbers never repeat. */
@Entity('icp_serials')
export class IcpSerialEntity {
  @PrimaryColumn({ type: 'varchar', length: 4 })
  abbr: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'last_serial', type: 'int' })
  lastSerial: number;
}
