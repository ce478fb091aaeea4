import { CODE_STATES, codeInvalidReason, codeStateLabel } from '../../src/api/codes';
import { CODE_EVENTS, CODE_TRANSITIONS } from '../../src/workflow';

describe('CODE_TRANSITIONS', () => {
  it('should move no code out of used when any event happens (seed 004 L21: 注销 / 取消接入 leave it used)', () => {
    const leavingUsed = CODE_EVENTS.filter((event) => CODE_TRANSITIONS[event].from.includes('used'));

    expect(leavingUsed).toEqual([]);
  });

  it('should name a seed line or its documented source for every transition', () => {
    const unsourced = CODE_EVENTS.filter((event) => !/seed 004 L\d+|DOMAIN §5|LIFECYCLE §2\.11/.test(CODE_TRANSITIONS[event].source));

    expect(unsourced).toEqual([]);
  });

  it('should reach every state from 未绑定实例 or 可使用 when events follow the table, each with the seed’s 服务码 label', () => {
    const reached = new Set<string>(['unbound', 'available']);
    for (let round = 0; round < CODE_EVENTS.length; round++) {
      for (const event of CODE_EVENTS) if (CODE_TRANSITIONS[event].from.some((state) => reached.has(state))) reached.add(CODE_TRANSITIONS[event].to);
    }

    expect([...CODE_STATES].filter((state) => !reached.has(state))).toEqual([]);
    expect(CODE_STATES.map((state) => codeStateLabel('service', state, false))).toEqual([
      '可使用',
      '未绑定实例',
      '备案中',
      '已备案',
      '已失效',
      '已退费',
      '已失效',
    ]);
  });

  it('should call a code whose server expired 已失效 with the expiry as its reason, for owner and holder alike', () => {
    expect([
      codeStateLabel('authorization', 'expired', false),
      codeStateLabel('service', 'expired', false),
      codeStateLabel('service', 'expired', true),
    ]).toEqual(['已失效', '已失效', '已失效']);
    expect(codeInvalidReason('expired')).toBe('编码指向的服务器已到期');
    expect(codeInvalidReason('refunded')).toBe('编码指向的服务器已退费');
    expect(codeInvalidReason('available')).toBeNull();
  });
});
