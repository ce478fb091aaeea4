import { Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { ACCOUNT_TYPES, REAL_NAME_TYPES, normalizeCode, type AccountView, type SessionUser, type SubmitRealNameRequest } from '@beian/shared';
import { IsNull, type EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { maskPersonalValue } from '../platform/crypto/personal-data';
import { DatabaseService, isDuplicateKeyError } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { AccountEntity } from './account.entity';
import { RealNameVerifier } from './real-name-verifier.port';

/** Account IDs start like the consoles' (a leading 1) and are twelve digits long. */
const newAccountNumber = () => `1${String(randomInt(0, 100_000_000_000)).padStart(11, '0')}`;

/**
 * Accounts: the visible account ID given on first read, the type (主账号 / 子账号) and 实名认证 through the
 * RealNameVerifier. Other modules find an account by its ID and compare real names by blind index only.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly verifier: RealNameVerifier,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async me(user: SessionUser): Promise<AccountView> {
    return this.view(await this.ensure(user.id));
  }

  async submitRealName(user: SessionUser, request: SubmitRealNameRequest): Promise<AccountView> {
    const account = await this.ensure(user.id);
    const done = AppException.validation([{ path: 'type', code: 'REAL_NAME_DONE', message: '该账号已完成实名认证，无需重复认证' }]);
    if (account.realNameVerifiedAt) throw done;
    const certificateNumber = normalizeCode(request.certificateNumber);
    const refusal = await this.verifier.verify({ type: request.type, name: request.name, certificateNumber });
    if (refusal) throw AppException.validation([refusal]);
    const changes = {
      realNameType: request.type,
      realNameName: this.cipher.encrypt(request.name),
      realNameCertificate: this.cipher.encrypt(certificateNumber),
      realNameIndex: this.cipher.blindIndex(certificateNumber),
      realNameVerifiedAt: this.clock.now(),
    };
    // Only the first of two submissions at once is kept: an account's 实名 never changes silently.
    const updated = await this.db.manager.update(AccountEntity, { userId: user.id, realNameVerifiedAt: IsNull() }, changes);
    if (!updated.affected) throw done;
    return this.view({ ...account, ...changes });
  }

  /** Binds (or replaces) the account's mobile, proven by SMS code by the caller; `ensure` made the row before. */
  async bindMobile(tx: EntityManager, userId: string, mobile: string): Promise<AccountView> {
    await tx.update(AccountEntity, { userId }, { mobile: this.cipher.encrypt(mobile), mobileIndex: this.cipher.blindIndex(mobile) });
    return this.view(await tx.findOneByOrFail(AccountEntity, { userId }));
  }

  /** The account's bound mobile in clear (for a comparison or a send only), null when none is bound. */
  async boundMobile(tx: EntityManager, userId: string): Promise<string | null> {
    const account = await tx.findOne(AccountEntity, { select: { userId: true, mobile: true }, where: { userId } });
    return account?.mobile ? this.cipher.decrypt(account.mobile) : null;
  }

  /** Simulators: a 子账号 under the caller's main account, with an account ID of its own and no login. */
  async createSubAccount(user: SessionUser): Promise<AccountView> {
    const parent = await this.ensure(user.id);
    if (parent.accountType !== 'main') throw AppException.validation([{ path: 'accountType', code: 'NOT_MAIN_ACCOUNT', message: '只有主账号可以创建子账号' }]);
    return this.view(await this.insert(randomUUID(), 'sub', parent.userId));
  }

  /** The account with this visible ID, if any; `lock` keeps its row locked for the transaction (MySQL/MariaDB). */
  byAccountNumber(tx: EntityManager, accountNumber: string, lock = false): Promise<AccountEntity | null> {
    const query = tx.createQueryBuilder(AccountEntity, 'a').where('a.account_number = :accountNumber', { accountNumber });
    if (lock && !this.db.isSqlite) query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** The user's account, made with a fresh account ID on first use; two first reads at once share the winner's row. */
  async ensure(userId: string): Promise<AccountEntity> {
    return (await this.db.manager.findOneBy(AccountEntity, { userId })) ?? this.insert(userId, 'main', null);
  }

  private async insert(userId: string, accountType: AccountEntity['accountType'], parentUserId: string | null): Promise<AccountEntity> {
    for (;;) {
      const account = this.db.manager.create(AccountEntity, {
        userId,
        accountNumber: newAccountNumber(),
        accountType,
        parentUserId,
        realNameType: null,
        realNameName: null,
        realNameCertificate: null,
        realNameIndex: null,
        realNameVerifiedAt: null,
        mobile: null,
        mobileIndex: null,
        createdAt: this.clock.now(),
      });
      try {
        await this.db.manager.insert(AccountEntity, account);
        return account;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        // Either the user's row was made meanwhile, or the random ID was taken: then draw another.
        const existing = await this.db.manager.findOneBy(AccountEntity, { userId });
        if (existing) return existing;
      }
    }
  }

  private view(account: AccountEntity): AccountView {
    const realName =
      account.realNameType && account.realNameName && account.realNameCertificate && account.realNameVerifiedAt
        ? {
            type: account.realNameType,
            typeLabel: REAL_NAME_TYPES[account.realNameType],
            nameMasked: this.maskedName(account.realNameType, this.cipher.decrypt(account.realNameName)),
            certificateNumberMasked: maskPersonalValue('certificate_number', this.cipher.decrypt(account.realNameCertificate)),
            verifiedAt: account.realNameVerifiedAt.toISOString(),
          }
        : null;
    return {
      accountId: account.accountNumber,
      accountType: account.accountType,
      accountTypeLabel: ACCOUNT_TYPES[account.accountType],
      realName,
      mobileMasked: account.mobile ? maskPersonalValue('mobile', this.cipher.decrypt(account.mobile)) : null,
    };
  }

  private maskedName(type: AccountEntity['realNameType'], name: string): string {
    return type === 'personal' ? `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}` : name;
  }
}
