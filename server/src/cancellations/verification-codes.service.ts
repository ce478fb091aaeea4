import { Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { DAY_MS, SMS_LIMITS, type CodeChannel, type SendAccountCodeResponse } from '@beian/shared';
import { IsNull, MoreThan, Not, type EntityManager } from 'typeorm';
import { MailSender } from '../mail/mail-sender.port';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { maskPersonalValue } from '../platform/crypto/personal-data';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { SmsSender } from '../sms/sms-sender.port';
import { VerificationCodeEntity } from './verification-code.entity';

export interface CodeAddress {
  channel: CodeChannel;
  /** A mobile (sms) or an e-mail address. */
  address: string;
}

const codeError = (code: string, message: string) => AppException.validation([{ path: 'code', code, message }]);

/**
 * One code service for the orders on an approved filing, by SMS or e-mail: 6 digits, valid SMS_LIMITS.codeMinutes,
 * SMS_LIMITS.maxTries tries; one code per address per minute, SMS_LIMITS per day per address and per account.
 */
@Injectable()
export class VerificationCodes {
  constructor(
    private readonly db: DatabaseService,
    private readonly sms: SmsSender,
    private readonly mail: MailSender,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async send(accountId: string, orderId: string, to: CodeAddress, purpose: string): Promise<SendAccountCodeResponse> {
    const addressIndex = this.indexOf(to);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.clock.now();
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + SMS_LIMITS.codeMinutes * 60_000);
    await this.db.retryingTransaction(async (tx) => {
      await this.checkLimits(tx, accountId, addressIndex, now);
      await tx.insert(VerificationCodeEntity, {
        id,
        orderId,
        channel: to.channel,
        addressIndex,
        accountId,
        codeHash: this.hash(id, code),
        attempts: 0,
        expiresAt,
        verifiedAt: null,
        createdAt: now,
      });
    });
    try {
      if (to.channel === 'sms') await this.sms.sendVerificationCode({ mobile: to.address, code, minutes: SMS_LIMITS.codeMinutes });
      else
        await this.mail.send({
          to: to.address,
          subject: `【备案】${purpose}验证码`,
          text: `您正在办理${purpose}，验证码为${code}，${SMS_LIMITS.codeMinutes}分钟内有效。如非本人操作，请忽略本邮件。`,
          code,
        });
    } catch {
      // A code that never left cannot be entered; it does not count towards the limits either.
      await this.db.manager.delete(VerificationCodeEntity, { id });
      throw new AppException(to.channel === 'sms' ? 'SMS_UNAVAILABLE' : 'MAIL_UNAVAILABLE');
    }
    return {
      channel: to.channel,
      addressMasked: maskPersonalValue(to.channel === 'sms' ? 'mobile' : 'email', to.address),
      expiresAt: expiresAt.toISOString(),
      resendAt: new Date(now.getTime() + SMS_LIMITS.resendSeconds * 1000).toISOString(),
    };
  }

  /** Checks the latest code sent to `to` for the order; a wrong try is counted even though the refusal is thrown. */
  async verify(accountId: string, orderId: string, to: CodeAddress, code: string): Promise<void> {
    const outcome = await this.db.transaction(async (tx): Promise<AppException | null> => {
      const latest = await tx.findOne(VerificationCodeEntity, {
        where: { orderId, accountId, addressIndex: this.indexOf(to) },
        order: { createdAt: 'DESC' },
      });
      if (!latest || latest.verifiedAt || latest.expiresAt <= this.clock.now()) return codeError('CODE_EXPIRED', '验证码已失效，请重新获取验证码');
      // One conditional update counts every try before the comparison: parallel tries cannot exceed the limit.
      const counted = await this.db.execute(tx, 'UPDATE verification_codes SET attempts = attempts + 1 WHERE id = ? AND attempts < ? AND verified_at IS NULL', [
        latest.id,
        SMS_LIMITS.maxTries,
      ]);
      if (!counted) return codeError('CODE_EXHAUSTED', '验证码错误次数过多，请重新获取验证码');
      if (latest.codeHash !== this.hash(latest.id, code)) {
        const [{ attempts }] = (await this.db.rows<{ attempts: number }>('SELECT attempts FROM verification_codes WHERE id = ?', [latest.id], tx)) as [
          { attempts: number },
        ];
        const left = SMS_LIMITS.maxTries - Number(attempts);
        return left > 0
          ? codeError('CODE_WRONG', `验证码错误，请重新输入（还可尝试${left}次）`)
          : codeError('CODE_EXHAUSTED', '验证码错误次数过多，请重新获取验证码');
      }
      await tx.update(VerificationCodeEntity, { id: latest.id }, { verifiedAt: this.clock.now() });
      return null;
    });
    if (outcome) throw outcome;
  }

  /** Whether the order was confirmed by a code sent to one of these addresses. */
  async confirmed(tx: EntityManager, orderId: string, addresses: CodeAddress[]): Promise<boolean> {
    const verified = await tx.find(VerificationCodeEntity, { select: { addressIndex: true }, where: { orderId, verifiedAt: Not(IsNull()) } });
    const wanted = new Set(addresses.map((a) => this.indexOf(a)));
    return verified.some((v) => wanted.has(v.addressIndex));
  }

  private async checkLimits(tx: EntityManager, accountId: string, addressIndex: string, now: Date): Promise<void> {
    const dayAgo = new Date(now.getTime() - DAY_MS);
    const recent = await tx.find(VerificationCodeEntity, {
      select: { createdAt: true },
      where: { addressIndex, createdAt: MoreThan(dayAgo) },
      order: { createdAt: 'DESC' },
    });
    const wait = recent[0] ? Math.ceil((recent[0].createdAt.getTime() + SMS_LIMITS.resendSeconds * 1000 - now.getTime()) / 1000) : 0;
    if (wait > 0) throw this.tooFrequent(`验证码已发送，请${wait}秒后再重新获取`, wait);
    if (recent.length >= SMS_LIMITS.perMobilePerDay)
      throw this.tooFrequent('该手机号或邮箱今日获取验证码次数已达上限，请24小时后再试', this.untilDayEnds(recent, now));
    const byAccount = await tx.find(VerificationCodeEntity, {
      select: { createdAt: true },
      where: { accountId, createdAt: MoreThan(dayAgo) },
      order: { createdAt: 'DESC' },
    });
    if (byAccount.length >= SMS_LIMITS.perAccountPerDay)
      throw this.tooFrequent('您今日获取验证码次数已达上限，请24小时后再试', this.untilDayEnds(byAccount, now));
  }

  private tooFrequent(message: string, retryAfterSeconds: number): AppException {
    return new AppException('CODE_TOO_FREQUENT', [{ path: 'channel', code: 'CODE_TOO_FREQUENT', message }], { retryAfterSeconds });
  }

  private untilDayEnds(newestFirst: { createdAt: Date }[], now: Date): number {
    const oldest = newestFirst[newestFirst.length - 1];
    return oldest ? Math.max(1, Math.ceil((oldest.createdAt.getTime() + DAY_MS - now.getTime()) / 1000)) : 1;
  }

  private indexOf(to: CodeAddress): string {
    return this.cipher.blindIndex(`${to.channel}:${to.address.trim().toLowerCase()}`);
  }

  private hash(id: string, code: string): string {
    return this.cipher.blindIndex(`verification-code:${id}:${code}`);
  }
}
