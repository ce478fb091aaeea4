import { Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import {
  DAY_MS,
  SMS_LIMITS,
  type DevSmsMessage,
  type FieldError,
  type SendSmsCodeRequest,
  type SendSmsCodeResponse,
  type SessionUser,
  type SmsVerification,
  type VerifySmsCodeRequest,
} from '@beian/shared';
import { MoreThan, type EntityManager } from 'typeorm';
import { OrderAccess } from '../order-core/order-access';
import { draftPrincipals } from '../order-core/draft-principals';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { maskPersonalValue } from '../platform/crypto/personal-data';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { DevSmsMessageEntity } from './dev-sms-message.entity';
import { MobileVerificationEntity } from './mobile-verification.entity';
import { SmsCodeEntity } from './sms-code.entity';
import { SmsLimitLockEntity } from './sms-limit-lock.entity';
import { SmsSender } from './sms-sender.port';

function tooFrequent(message: string, retryAfterSeconds: number): AppException {
  return new AppException('SMS_TOO_FREQUENT', [{ path: 'mobile', code: 'SMS_TOO_FREQUENT', message }], { retryAfterSeconds });
}

export interface MobileToVerify {
  orderId: string;
  mobile: string;
  path: string;
}

function codeError(code: string, message: string): AppException {
  return AppException.validation([{ path: 'code', code, message }]);
}

@Injectable()
export class SmsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: OrderAccess,
    private readonly sender: SmsSender,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async sendCode(user: SessionUser, request: SendSmsCodeRequest): Promise<SendSmsCodeResponse> {
    const mobileIndex = this.cipher.blindIndex(request.mobile);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.clock.now();
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + SMS_LIMITS.codeMinutes * 60_000);
    const locks = [`account:${user.id}`, `mobile:${mobileIndex}`].sort();
    // The lock rows exist before the transaction locks them (creating one inside it could deadlock).
    await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(SmsLimitLockEntity)
      .values(locks.map((lockKey) => ({ lockKey, touched: 0 })))
      .orIgnore()
      .execute();
    await this.db.retryingTransaction(async (tx) => {
      // Parallel sends to this mobile or from this account wait here, so each counts the codes the others sent.
      if (!this.db.isSqlite) await tx.query(`SELECT lock_key FROM sms_limit_locks WHERE lock_key IN (?, ?) ORDER BY lock_key FOR UPDATE`, locks);
      await this.checkLimits(tx, user.id, mobileIndex, now);
      await tx.insert(SmsCodeEntity, {
        id,
        mobileIndex,
        accountId: user.id,
        purpose: request.purpose,
        codeHash: this.hash(id, code),
        attempts: 0,
        expiresAt,
        usedAt: null,
        createdAt: now,
      });
    });
    try {
      await this.sender.sendVerificationCode({ mobile: request.mobile, code, minutes: SMS_LIMITS.codeMinutes });
    } catch {
      // A code that never left cannot be entered; it does not count towards the limits either.
      await this.db.manager.delete(SmsCodeEntity, { id });
      throw new AppException('SMS_UNAVAILABLE');
    }
    return {
      mobileMasked: maskPersonalValue('mobile', request.mobile),
      expiresAt: expiresAt.toISOString(),
      resendAt: new Date(now.getTime() + SMS_LIMITS.resendSeconds * 1000).toISOString(),
      resendInSeconds: SMS_LIMITS.resendSeconds,
    };
  }

  async verify(user: SessionUser, request: VerifySmsCodeRequest): Promise<SmsVerification> {
    return this.verifyForOrder(user.id, request.code, async (tx) => ({
      orderId: (await this.access.owned(tx, user, request.orderId)).id,
      mobile: request.mobile,
      path: request.path,
    }));
  }

  /**
   * Checks the code the account received for the mobile and records the mobile as verified for the order.
   * `authorize` proves, in the transaction, that the account may verify this principal's mobile for this order (its
   * owner, or the principal invited to it) and names the mobile and path.
   */
  async verifyForOrder(accountId: string, code: string, authorize: (tx: EntityManager) => Promise<MobileToVerify>): Promise<SmsVerification> {
    const outcome = await this.db.transaction(async (tx): Promise<SmsVerification | AppException> => {
      const { orderId, ...request } = await authorize(tx);
      const mobileIndex = this.cipher.blindIndex(request.mobile);
      const now = this.clock.now();
      const refusal = await this.useCode(tx, accountId, mobileIndex, code, now);
      if (refusal) return refusal;
      const existing = await tx.findOneBy(MobileVerificationEntity, { orderId, mobileIndex });
      const row = {
        id: existing?.id ?? randomUUID(),
        orderId,
        mobileIndex,
        mobile: this.cipher.encrypt(request.mobile),
        path: request.path,
        accountId,
        verifiedAt: now,
      };
      if (existing) await tx.update(MobileVerificationEntity, { id: existing.id }, row);
      else await tx.insert(MobileVerificationEntity, row);
      return this.view(row, request.mobile);
    });
    if (outcome instanceof AppException) throw outcome;
    return outcome;
  }

  /**
   * Spends the latest code the account asked for this mobile and, when it matches, runs `proven` in the same
   * transaction. A wrong try is counted in a committed transaction, so the refusal is thrown only after it.
   */
  async proveMobile<T>(accountId: string, mobile: string, code: string, proven: (tx: EntityManager, now: Date) => Promise<T>): Promise<T> {
    const outcome = await this.db.transaction(async (tx): Promise<{ value: T } | AppException> => {
      const now = this.clock.now();
      const refusal = await this.useCode(tx, accountId, this.cipher.blindIndex(mobile), code, now);
      return refusal ?? { value: await proven(tx, now) };
    });
    if (outcome instanceof AppException) throw outcome;
    return outcome.value;
  }

  /** A code sent to the caller's mobile for something other than an order (a 服务码 grant): used up, or refused after the try is counted. */
  async confirmCode(user: SessionUser, mobile: string, code: string): Promise<void> {
    await this.proveMobile(user.id, mobile, code, async () => undefined);
  }

  private async useCode(tx: EntityManager, accountId: string, mobileIndex: string, code: string, now: Date): Promise<AppException | null> {
    const latest = await tx.findOne(SmsCodeEntity, { where: { mobileIndex, accountId }, order: { createdAt: 'DESC' } });
    if (!latest || latest.usedAt || latest.expiresAt <= now) return codeError('SMS_CODE_EXPIRED', '验证码已失效，请重新获取验证码');
    // Every try is counted by one conditional update before the code is compared: parallel tries queue on the
    // row and the limit holds (a stale read of `attempts` cannot let extra tries through).
    const counted = await this.db.execute(tx, 'UPDATE sms_codes SET attempts = attempts + 1 WHERE id = ? AND attempts < ? AND used_at IS NULL', [
      latest.id,
      SMS_LIMITS.maxTries,
    ]);
    if (!counted) return codeError('SMS_CODE_EXHAUSTED', '验证码错误次数过多，请重新获取验证码');
    const [{ attempts }] = (await this.db.rows<{ attempts: number }>('SELECT attempts FROM sms_codes WHERE id = ?', [latest.id], tx)) as [{ attempts: number }];
    if (latest.codeHash !== this.hash(latest.id, code)) {
      const left = SMS_LIMITS.maxTries - Number(attempts);
      return left > 0
        ? codeError('SMS_CODE_WRONG', `验证码错误，请重新输入（还可尝试${left}次）`)
        : codeError('SMS_CODE_EXHAUSTED', '验证码错误次数过多，请重新获取验证码');
    }
    await tx.update(SmsCodeEntity, { id: latest.id }, { usedAt: now });
    return null;
  }

  async verifications(user: SessionUser, orderId: string): Promise<SmsVerification[]> {
    return this.db.transaction(async (tx) => {
      await this.access.owned(tx, user, orderId);
      const rows = await tx.find(MobileVerificationEntity, { where: { orderId }, order: { verifiedAt: 'ASC' } });
      return rows.map((row) => this.view(row, this.cipher.decrypt(row.mobile)));
    });
  }

  async isVerified(tx: EntityManager, orderId: string, mobile: string): Promise<boolean> {
    return tx.existsBy(MobileVerificationEntity, { orderId, mobileIndex: this.cipher.blindIndex(mobile) });
  }

  /** Submission check: every principal mobile in the draft was proven by SMS code for this order. */
  async mobileFindings(tx: EntityManager, orderId: string, draft: Record<string, unknown>): Promise<FieldError[]> {
    const verified = new Set((await tx.find(MobileVerificationEntity, { select: { mobileIndex: true }, where: { orderId } })).map((v) => v.mobileIndex));
    return draftPrincipals(draft)
      .filter((p) => p.mobile && !verified.has(this.cipher.blindIndex(p.mobile)))
      .map((p) => ({ path: `${p.path}.mobile`, code: 'MOBILE_NOT_VERIFIED', message: '请获取短信验证码并完成手机号码验证' }));
  }

  /** Embedded default only: the messages "sent" to a number (or all), newest first. */
  async devOutbox(mobile: string | undefined): Promise<DevSmsMessage[]> {
    const rows = await this.db.manager.find(DevSmsMessageEntity, {
      where: mobile ? { mobileIndex: this.cipher.blindIndex(mobile) } : {},
      order: { id: 'DESC' },
      take: 50,
    });
    return rows.map((row) => ({ mobile: this.cipher.decrypt(row.mobile), content: row.content, code: row.code, sentAt: row.sentAt.toISOString() }));
  }

  private async checkLimits(tx: EntityManager, accountId: string, mobileIndex: string, now: Date): Promise<void> {
    const dayAgo = new Date(now.getTime() - DAY_MS);
    const recent = await tx.find(SmsCodeEntity, {
      select: { createdAt: true },
      where: { mobileIndex, createdAt: MoreThan(dayAgo) },
      order: { createdAt: 'DESC' },
    });
    const last = recent[0];
    const wait = last ? Math.ceil((last.createdAt.getTime() + SMS_LIMITS.resendSeconds * 1000 - now.getTime()) / 1000) : 0;
    if (wait > 0) throw tooFrequent(`验证码已发送，请${wait}秒后再重新获取`, wait);
    if (recent.length >= SMS_LIMITS.perMobilePerDay) throw tooFrequent('该手机号今日获取验证码次数已达上限，请24小时后再试', this.retryAfterDay(recent, now));
    const byAccount = await tx.find(SmsCodeEntity, {
      select: { createdAt: true },
      where: { accountId, createdAt: MoreThan(dayAgo) },
      order: { createdAt: 'DESC' },
    });
    if (byAccount.length >= SMS_LIMITS.perAccountPerDay) throw tooFrequent('您今日获取验证码次数已达上限，请24小时后再试', this.retryAfterDay(byAccount, now));
  }

  /** Seconds until the oldest code of the rolling 24 hours drops out. */
  private retryAfterDay(newestFirst: { createdAt: Date }[], now: Date): number {
    const oldest = newestFirst[newestFirst.length - 1];
    return oldest ? Math.max(1, Math.ceil((oldest.createdAt.getTime() + DAY_MS - now.getTime()) / 1000)) : 1;
  }

  private hash(id: string, code: string): string {
    return this.cipher.blindIndex(`sms-code:${id}:${code}`);
  }

  private view(row: Pick<MobileVerificationEntity, 'id' | 'orderId' | 'path' | 'verifiedAt'>, mobile: string): SmsVerification {
    return {
      verificationId: row.id,
      orderId: row.orderId,
      path: row.path,
      mobileMasked: maskPersonalValue('mobile', mobile),
      verifiedAt: row.verifiedAt.toISOString(),
    };
  }
}
