import { CODE_STATES, codeStateLabel } from '../../src';

describe('code states in the seed’s words', () => {
  it('should name a 备案授权码 可使用 / 使用中 / 已使用 / 已失效 whoever reads it', () => {
    const labels = CODE_STATES.map((state) => [state, codeStateLabel('authorization', state, false), codeStateLabel('authorization', state, true)]);

    expect(labels).toEqual([
      ['available', '可使用', '可使用'],
      ['unbound', '可使用', '可使用'],
      ['reserved', '使用中', '使用中'],
      ['used', '已使用', '已使用'],
      ['revoked', '已失效', '已失效'],
      ['refunded', '已失效', '已失效'],
      ['expired', '已失效', '已失效'],
    ]);
  });

  it('should name a refunded 服务码 已退费 for its grantor and 已失效 for the account it was granted to (seed 004)', () => {
    const own = CODE_STATES.map((state) => codeStateLabel('service', state, false));
    const received = CODE_STATES.map((state) => codeStateLabel('service', state, true));

    expect(own).toEqual(['可使用', '未绑定实例', '备案中', '已备案', '已失效', '已退费', '已失效']);
    expect(received).toEqual(['可使用', '未绑定实例', '备案中', '已备案', '已失效', '已失效', '已失效']);
  });
});
