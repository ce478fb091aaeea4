import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { chinaDate, CODE_LIMITS, CODE_TRANSITIONS, type FilingCodeView, type GrantCheck, type ServiceCodeGrantRequest, type SessionUser } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import type { AccountEntity } from '../accounts/account.entity';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { SmsService } from '../sms/sms.service';
import { AuthorizationCodesService } from './authorization-codes.service';
import { CodeGrantEntity } from './code-grant.entity';
import { CodeServerExpiry } from './code-server-expiry';
import { moveCodes } from './code-usage';
import { FilingCodeEntity } from './filing-code.entity';
import { FilingCodeViews, newCodeValue } from './filing-codes';

const refuse = (path: string, code: string, message: string) => AppException.validation([{ path, code, message }]);

interface Assessed {
  grantor: AccountEntity;
  receiver: AccountEntity;
  needsSmsCode: boolean;
}

/**
 * 服务码 granted to another account (seed 004 25–49): 申请 → 验证 → (first grant to that target: 手机验证码) → 生成并授权.
 * The yearly limits count distinct accounts; a grant locks both accounts' rows (in account-ID order) before
 * counting, so two grants at a limit cannot both pass.
 */
@Injectable()
export class ServiceCodeGrantsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly accounts: AccountsService,
    private readonly authorizationCodes: AuthorizationCodesService,
    private readonly sms: SmsService,
    private readonly views: FilingCodeViews,
    private readonly expiry: CodeServerExpiry,
    private readonly clock: Clock,
  ) {}

  /** 服务码管理: `own` the codes this account generated, `received` those granted to it. */
  async list(user: SessionUser, tab: 'own' | 'received'): Promise<FilingCodeView[]> {
    const where = tab === 'own' ? { ownerUserId: user.id, kind: 'service' as const } : { holderUserId: user.id, kind: 'service' as const };
    const rows = await this.db.transaction(async (tx) => this.expiry.settle(tx, await tx.find(FilingCodeEntity, { where, order: { createdAt: 'DESC' } })));
    return this.views.of(
      rows.filter((row) => tab === 'own' || row.ownerUserId !== user.id),
      user.id,
    );
  }

  /** 验证: whether the grant may go ahead, and whether a phone code is needed first. */
  async verify(user: SessionUser, request: ServiceCodeGrantRequest): Promise<GrantCheck> {
    const grantor = await this.accounts.ensure(user.id);
    const { needsSmsCode } = await this.db.transaction((tx) => this.assess(tx, grantor, request, false));
    return { needsSmsCode, targetAccountId: request.targetAccountId };
  }

  /** 生成并授权 (after the second confirmation on screen). */
  async grant(user: SessionUser, request: ServiceCodeGrantRequest): Promise<FilingCodeView[]> {
    const grantor = await this.accounts.ensure(user.id);
    const { needsSmsCode } = await this.db.transaction((tx) => this.assess(tx, grantor, request, false));
    if (needsSmsCode) {
      if (!request.mobile) throw refuse('mobile', 'GRANT_SMS_REQUIRED', '首次授权至该账号，请填写手机号码并获取验证码');
      if (!request.smsCode) throw refuse('smsCode', 'GRANT_SMS_REQUIRED', '首次授权至该账号，请输入手机验证码');
      await this.sms.confirmCode(user, request.mobile, request.smsCode);
    }
    const rows = await this.db.retryingTransaction(async (tx) => {
      const { receiver } = await this.assess(tx, grantor, request, true);
      const instance = request.instanceId ? await this.authorizationCodes.eligibleInstance(tx, user.id, request.instanceId) : null;
      const now = this.clock.now();
      await tx.insert(CodeGrantEntity, {
        id: randomUUID(),
        grantorUserId: grantor.userId,
        receiverUserId: receiver.userId,
        year: this.yearOf(now),
        count: request.count,
        createdAt: now,
      });
      const codes: FilingCodeEntity[] = Array.from({ length: request.count }, () => ({
        id: randomUUID(),
        kind: 'service',
        code: newCodeValue('service'),
        instanceId: instance?.instanceId ?? null,
        publicIp: instance?.publicIp ?? null,
        ownerUserId: grantor.userId,
        holderUserId: receiver.userId,
        state: instance ? 'available' : 'unbound',
        orderId: null,
        remark: request.remark?.trim() || null,
        createdAt: now,
        updatedAt: now,
      }));
      await tx.insert(FilingCodeEntity, codes);
      return codes;
    });
    return this.views.of(rows, user.id);
  }

  /** 查看并绑定服务码 (seed 004 L79): the owner binds a 未绑定实例 code to an eligible server of the account. */
  async bind(user: SessionUser, codeId: string, instanceId: string): Promise<FilingCodeView> {
    const row = await this.db.transaction(async (tx) => {
      const code = await tx.findOneBy(FilingCodeEntity, { id: codeId, ownerUserId: user.id, kind: 'service' });
      if (!code) throw new AppException('CODE_NOT_FOUND');
      const instance = await this.authorizationCodes.eligibleInstance(tx, user.id, instanceId);
      const bound = { instanceId: instance.instanceId, publicIp: instance.publicIp, updatedAt: this.clock.now() };
      if (!(await moveCodes(tx, 'bind', { id: codeId }, bound))) throw new AppException('CODE_NOT_BINDABLE');
      return { ...code, ...bound, state: CODE_TRANSITIONS.bind.to };
    });
    return (await this.views.of([row], user.id))[0]!;
  }

  /** Every rule of seed 004 for this grant; with `lock`, both accounts stay locked until the transaction ends. */
  private async assess(tx: EntityManager, grantor: AccountEntity, request: ServiceCodeGrantRequest, lock: boolean): Promise<Assessed> {
    const now = this.clock.now();
    if (chinaDate(now) >= CODE_LIMITS.enterpriseOnlySince.value && grantor.realNameType !== 'enterprise') {
      throw refuse('instanceId', 'GRANT_ENTERPRISE_ONLY', CODE_LIMITS.enterpriseOnlySince.rule);
    }
    if (request.targetAccountId === grantor.accountNumber)
      throw refuse('targetAccountId', 'GRANT_TARGET_SELF', '请填写其他账号的账号ID，本账号备案时可直接选择云实例');
    if (lock) {
      for (const accountNumber of [grantor.accountNumber, request.targetAccountId].sort()) await this.accounts.byAccountNumber(tx, accountNumber, true);
    }
    const receiver = await this.accounts.byAccountNumber(tx, request.targetAccountId);
    if (!receiver) throw refuse('targetAccountId', 'CODE_TARGET_NOT_FOUND', '目标账号ID不存在，请核对后重新输入');
    if (request.instanceId) await this.authorizationCodes.eligibleInstance(tx, grantor.userId, request.instanceId);
    const year = this.yearOf(now);
    const targets = await this.distinct(tx, 'receiverUserId', { grantorUserId: grantor.userId, year });
    if (!targets.has(receiver.userId) && targets.size >= CODE_LIMITS.grantorDistinctTargetsPerYear.value) {
      throw refuse('targetAccountId', 'GRANT_TARGETS_EXCEEDED', CODE_LIMITS.grantorDistinctTargetsPerYear.rule);
    }
    const grantors = await this.distinct(tx, 'grantorUserId', { receiverUserId: receiver.userId, year });
    if (!grantors.has(grantor.userId) && grantors.size >= CODE_LIMITS.receiverDistinctGrantorsPerYear.value) {
      throw refuse('targetAccountId', 'GRANT_GRANTORS_EXCEEDED', CODE_LIMITS.receiverDistinctGrantorsPerYear.rule);
    }
    const before = await tx.countBy(CodeGrantEntity, { grantorUserId: grantor.userId, receiverUserId: receiver.userId });
    return { grantor, receiver, needsSmsCode: before === 0 };
  }

  private async distinct(tx: EntityManager, column: 'receiverUserId' | 'grantorUserId', where: Partial<CodeGrantEntity>): Promise<Set<string>> {
    const rows = await tx.find(CodeGrantEntity, { select: { [column]: true }, where });
    return new Set(rows.map((row) => row[column]));
  }

  private yearOf(at: Date): number {
    return Number(chinaDate(at).slice(0, 4));
  }
}
