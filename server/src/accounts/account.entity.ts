import type { AccountType, RealNameType } from '@beian/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** A cloud account: the user behind it, the ID it shows, its type and its 实名认证 (personal values encrypted). */
@Entity('accounts')
@Index(['realNameIndex'])
@Index(['mobileIndex'])
export class AccountEntity {
  /** The user (auth) the account belongs to; a simulated 子账号 has no user of its own. */
  @PrimaryColumn({ name: 'user_id', ...IdColumn })
  userId: string;

  /** The visible account ID: twelve digits, never reused. */
  @Column({ name: 'account_number', type: 'varchar', length: 12, unique: true })
  accountNumber: string;

  @Column({ name: 'account_type', type: 'varchar', length: 8 })
  accountType: AccountType;

  /** The main account a 子账号 belongs to. */
  @Column({ name: 'parent_user_id', ...IdColumn, nullable: true })
  parentUserId: string | null;

  @Column({ name: 'real_name_type', type: 'varchar', length: 16, nullable: true })
  realNameType: RealNameType | null;

  /** FieldCipher ciphertext of the person's or the unit's name. */
  @Column({ name: 'real_name_name', type: 'varchar', length: 512, nullable: true })
  realNameName: string | null;

  /** FieldCipher ciphertext of the 居民身份证号 or 统一社会信用代码. */
  @Column({ name: 'real_name_certificate', type: 'varchar', length: 255, nullable: true })
  realNameCertificate: string | null;

  /** FieldCipher.blindIndex of the certificate number: compared with a filing subject's certificate index. */
  @Column({ name: 'real_name_index', type: 'varchar', length: 64, nullable: true })
  realNameIndex: string | null;

  @TimeColumn({ name: 'real_name_verified_at', nullable: true })
  realNameVerifiedAt: Date | null;

  /** FieldCipher ciphertext of the bound mobile (绑定手机), proven by SMS code. */
  @Column({ name: 'mobile', type: 'varchar', length: 255, nullable: true })
  mobile: string | null;

  /** FieldCipher.blindIndex of the bound mobile. */
  @Column({ name: 'mobile_index', type: 'varchar', length: 64, nullable: true })
  mobileIndex: string | null;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
