import type { CodeState } from '../api/codes';

/** What happens to a 备案授权码 / ICP备案服务码. */
export const CODE_EVENTS = ['bind', 'reserve', 'consume', 'release', 'revoke', 'refund', 'expire'] as const;
export type CodeEvent = (typeof CODE_EVENTS)[number];

export interface CodeTransition {
  from: readonly CodeState[];
  to: CodeState;
  source: string;
}

/**
 * Every state change of a code, with the seed lines it comes from. Nothing leaves `used`: "如果后续您注销了互联网信息服务或在
 * 阿里云取消接入,此ICP备案服务码还是处于已使用的状态,无法用于其他互联网信息服务的ICP备案" (seed 004 L21).
 */
export const CODE_TRANSITIONS: Record<CodeEvent, CodeTransition> = {
  bind: { from: ['unbound'], to: 'available', source: 'seed 004 L77–79 (未绑定实例: 还未绑定至对应的云服务产品中, 查看并绑定服务码)' },
  reserve: {
    from: ['available'],
    to: 'reserved',
    source: 'seed 004 L81–83 (备案中: 已经用于ICP备案,当前正在备案中); seed 004 L9, L17 (same account: picking the instance makes the code)',
  },
  consume: { from: ['reserved'], to: 'used', source: 'seed 004 L85–87 (已备案: 已被使用且备案成功), L21 (即为已使用的状态)' },
  release: { from: ['reserved'], to: 'available', source: 'DOMAIN §5 (reusable when the order using it is withdrawn or expires)' },
  revoke: { from: ['available'], to: 'revoked', source: 'issue 14 (授权码: list, revoke, copy); LIFECYCLE §2.11' },
  refund: {
    from: ['unbound', 'available', 'reserved'],
    to: 'refunded',
    source: 'seed 004 L89–91 (已退费: 已失效,无法进行绑定或用于ICP备案操作), L95 (received: 已失效); used codes stay used (L21)',
  },
  expire: {
    from: ['available', 'reserved'],
    to: 'expired',
    source: 'DOMAIN §5 (授权码 invalid when the server expires); LIFECYCLE §2.11 (dead when the server expires); used codes stay used (seed 004 L21)',
  },
};
