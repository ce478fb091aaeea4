import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../platform/database/columns';

/** The embedded SMS default: messages land here and show in the dev outbox instead of on a phone. */
@Entity('dev_sms_messages')
@Index(['mobileIndex'])
export class DevSmsMessageEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'mobile_index', type: 'varchar', length: 64 })
  mobileIndex: string;

  /** Encrypted (FieldCipher). */
  @Column({ type: 'text' })
  mobile: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  code: string | null;

  @TimeColumn({ name: 'sent_at' })
  sentAt: Date;
}
