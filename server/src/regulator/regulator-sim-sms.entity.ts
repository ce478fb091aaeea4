import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../platform/database/columns';

/** A verification SMS the simulated MIIT sent: what the principal's phone would show, readable by every server process. */
@Entity('regulator_sim_sms')
@Index(['mobileIndex'])
export class RegulatorSimSmsEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'mobile_index', type: 'varchar', length: 64 })
  mobileIndex: string;

  /** Encrypted. */
  @Column({ type: 'text' })
  mobile: string;

  /** Encrypted: it carries the verification code. */
  @Column({ type: 'text' })
  text: string;

  @TimeColumn({ name: 'sent_at' })
  sentAt: Date;
}
