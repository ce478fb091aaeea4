import { Injectable } from '@nestjs/common';
import { CODE_LIMITS, CODE_TRANSITIONS, type CodeEvent, type CodeKind, type FieldError } from '@beian/shared';
import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { DraftTree } from '../order-core/order-draft.store';
import { Clock } from '../platform/clock/clock';
import { AppException } from '../platform/errors/app-exception';
import { FilingCodeEntity } from './filing-code.entity';
import { SameAccountCodes, type CodeOrder } from './same-account-codes';
import { ServerInventory } from './server-inventory.port';

/** A code named by a draft service, with the field it was typed or picked in. */
export interface DraftCode {
  kind: CodeKind;
  code: string;
  path: string;
}

const FIELD_OF: Record<string, { kind: CodeKind; field: 'authorizationCode' | 'serviceCode' }> = {
  authorization_code: { kind: 'authorization', field: 'authorizationCode' },
  service_code: { kind: 'service', field: 'serviceCode' },
};

/** Every 授权码 / 服务码 the draft's websites and APPs file with. */
export function draftCodes(draft: DraftTree): DraftCode[] {
  return (['websites', 'apps'] as const).flatMap((list) => {
    const services = Array.isArray(draft[list]) ? (draft[list] as { resource?: Record<string, unknown> }[]) : [];
    return services.flatMap((service, index) => {
      const picked = FIELD_OF[String(service?.resource?.type)];
      const code = picked && service.resource?.[picked.field];
      return picked && typeof code === 'string' && code.trim()
        ? [{ kind: picked.kind, code: code.trim().toUpperCase(), path: `${list}.${index}.resource.${picked.field}` }]
        : [];
    });
  });
}

const unavailable = (path: string, message: string): FieldError => ({ path, code: 'CODE_UNAVAILABLE', message });

/**
 * Whether a holder may file with a code: it exists for this account, is 可使用 (or already reserved by this order)
 * and its server still backs a filing (CODE_LIMITS.validWhileServer). One code, one service (oneCodeOneService).
 */
@Injectable()
export class CodeUsage {
  constructor(
    private readonly inventory: ServerInventory,
    private readonly sameAccount: SameAccountCodes,
    private readonly clock: Clock,
  ) {}

  async refusal(tx: EntityManager, holderUserId: string, wanted: DraftCode, orderId: string | null): Promise<FieldError | null> {
    const row = await tx.findOneBy(FilingCodeEntity, { kind: wanted.kind, code: wanted.code });
    const name = wanted.kind === 'authorization' ? '备案授权码' : 'ICP备案服务码';
    if (!row || row.holderUserId !== holderUserId) return unavailable(wanted.path, `${name}不存在或不是授权给当前账号的，请核对后重新输入`);
    const reservedHere = row.state === 'reserved' && orderId !== null && row.orderId === orderId;
    if (row.state === 'used') return unavailable(wanted.path, `${name}已使用：${CODE_LIMITS.oneCodeOneService.rule}`);
    if (row.state === 'reserved' && !reservedHere) return unavailable(wanted.path, `${name}正在被其他备案订单使用，请更换`);
    if (row.state === 'unbound') return unavailable(wanted.path, `${name}未绑定实例，请授权账号在服务码管理中绑定云服务器后再使用`);
    if (row.state === 'refunded' || row.state === 'expired') return unavailable(wanted.path, `${name}已失效：${CODE_LIMITS.validWhileServer.rule}`);
    if (row.state !== 'available' && !reservedHere) return unavailable(wanted.path, `${name}已失效，请到服务码管理页面查看或联系授权账号重新生成`);
    const instance = row.instanceId ? await this.inventory.find(tx, row.ownerUserId, row.instanceId) : null;
    if (!instance || instance.refunded || instance.expired) return unavailable(wanted.path, `${name}已失效：${CODE_LIMITS.validWhileServer.rule}`);
    if (instance.ineligibleReason) return unavailable(wanted.path, `${name}指向的服务器不能用于备案：${instance.ineligibleReason}`);
    return null;
  }

  /** Every code of the draft is usable by the holder (the order's owner), and none is named twice. */
  async findings(tx: EntityManager, holderUserId: string, draft: DraftTree, orderId: string | null): Promise<FieldError[]> {
    const wanted = draftCodes(draft);
    if (!wanted.length) return [];
    const found: FieldError[] = [];
    const seen = new Set<string>();
    for (const code of wanted) {
      const key = `${code.kind}:${code.code}`;
      const refusal = seen.has(key) ? unavailable(code.path, CODE_LIMITS.oneCodeOneService.rule) : await this.refusal(tx, holderUserId, code, orderId);
      seen.add(key);
      if (refusal) found.push(refusal);
    }
    return found;
  }

  /** Submission: the draft's codes (typed, picked, or made for a picked instance) become 使用中 / 备案中; codes it no longer names go back. */
  async reserve(tx: EntityManager, order: CodeOrder, draft: DraftTree): Promise<void> {
    const wanted = [...draftCodes(draft), ...(await this.sameAccount.ensure(tx, order, draft)).map((own) => ({ kind: own.kind, code: own.code, path: '' }))];
    const now = this.clock.now();
    const keep = wanted.map((w) => w.code);
    const stale = await tx.find(FilingCodeEntity, { select: { id: true, code: true }, where: { orderId: order.id, state: 'reserved' } });
    const released = stale.filter((row) => !keep.includes(row.code)).map((row) => row.id);
    if (released.length) await moveCodes(tx, 'release', { id: In(released) }, { orderId: null, updatedAt: now });
    const { from, to } = CODE_TRANSITIONS.reserve;
    for (const code of wanted) {
      // One conditional update: of two orders submitted at once with the same code, only one reserves it.
      const reserved = await tx
        .createQueryBuilder()
        .update(FilingCodeEntity)
        .set({ state: to, orderId: order.id, updatedAt: now })
        .where('kind = :kind AND code = :code AND holder_user_id = :holder', { kind: code.kind, code: code.code, holder: order.ownerId })
        .andWhere('(state IN (:...from) OR (state = :to AND order_id = :orderId))', { from, to, orderId: order.id })
        .andWhere('(order_id IS NULL OR order_id = :orderId)', { orderId: order.id })
        .execute();
      if (!reserved.affected) throw new AppException('CODE_UNAVAILABLE', [unavailable(code.path, '该编码已被其他备案订单使用或已失效，请更换')]);
    }
  }

  /** Approval: the order's reserved codes are used for good (注销 / 取消接入 later does not bring them back, seed 004 L21). */
  async consume(tx: EntityManager, orderId: string): Promise<void> {
    await moveCodes(tx, 'consume', { orderId }, { updatedAt: this.clock.now() });
    await this.sameAccount.untie(tx, orderId);
  }

  /** Withdrawn or expired: the order's codes can be used again. */
  async release(tx: EntityManager, orderId: string): Promise<void> {
    await moveCodes(tx, 'release', { orderId }, { orderId: null, updatedAt: this.clock.now() });
    await this.sameAccount.untie(tx, orderId);
  }
}

/** One transition of CODE_TRANSITIONS on the codes matching `where` that are in one of its `from` states. */
export async function moveCodes(
  tx: EntityManager,
  event: CodeEvent,
  where: FindOptionsWhere<FilingCodeEntity>,
  set: Partial<FilingCodeEntity> = {},
): Promise<number> {
  const { from, to } = CODE_TRANSITIONS[event];
  const moved = await tx.update(FilingCodeEntity, { ...where, state: In([...from]) }, { ...set, state: to });
  return moved.affected ?? 0;
}
