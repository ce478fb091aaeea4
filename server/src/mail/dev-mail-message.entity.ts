import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../platform/database/columns';

/** The embedded e-mail default: messages land here and show in the dev mailbox instead of in an inbox. */
@Entity('dev_mail_messages')
@Index(['addressIndex'])
export class DevMailMessageEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'address_index', type: 'varchar', length: 64 })
  addressIndex: string;

  /** Encrypted (FieldCipher). */
  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  code: string | null;

  @TimeColumn({ name: 'sent_at' })
  sentAt: Date;
}
