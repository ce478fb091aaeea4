import { RESOURCE_LIMITS, RESOURCE_RULES, resourceIneligibility, type CloudResource } from '../../src';

const NOW = new Date('2026-01-31T04:00:00Z'); // 2026-01-31 12:00 in China

function cvm(over: Partial<CloudResource> = {}): CloudResource {
  return {
    instanceId: 'ins-1',
    type: 'cvm',
    region: 'ap-guangzhou',
    publicIp: '203.0.113.10',
    billingMode: 'prepaid',
    termMonths: 12,
    expiresAt: '2026-12-31T04:00:00Z',
    boundInstanceId: null,
    filedServices: 0,
    refunded: false,
    ...over,
  };
}

describe('resourceIneligibility', () => {
  it.each([
    ['bought for exactly 3 months', { termMonths: 3 }, []],
    ['bought for 2 months', { termMonths: 2 }, ['term_under_3_months']],
    // One month after Jan 31 is Feb 28 (the month's last day): that day still counts as one month left.
    ['expiring one calendar month later, month end clamped', { expiresAt: '2026-02-28T01:00:00Z' }, []],
    ['expiring the day before', { expiresAt: '2026-02-27T15:00:00Z' }, ['under_1_month_left']],
    ['bought pay-as-you-go', { billingMode: 'postpaid' as const }, ['pay_as_you_go']],
    ['abroad without a public IP', { region: 'ap-singapore', publicIp: null }, ['not_mainland', 'no_public_ip']],
    ['refunded', { refunded: true, region: 'ap-singapore' }, ['refunded']],
  ])('should answer the expected rules when the CVM is %s', (_, over, expected) => {
    expect(resourceIneligibility(cvm(over), NOW, 1)).toEqual(expected);
  });

  it('should refuse an instance when the services the draft adds pass its quota', () => {
    const quota = RESOURCE_LIMITS.SERVICES_PER_INSTANCE.value;
    expect(resourceIneligibility(cvm({ filedServices: quota - 2 }), NOW, 2)).toEqual([]);
    expect(resourceIneligibility(cvm({ filedServices: quota - 2 }), NOW, 3)).toEqual(['at_quota']);
  });

  it('should judge a load balancer by its bound CVM and a serverless package by its expiry when they host a filing', () => {
    const clb = cvm({ type: 'clb', publicIp: null, boundInstanceId: 'ins-2' });
    expect(resourceIneligibility(clb, NOW, 1, cvm())).toEqual([]);
    expect(resourceIneligibility(clb, NOW, 1, cvm({ billingMode: 'postpaid' }))).toEqual(['bound_instance_ineligible']);
    expect(resourceIneligibility(clb, NOW, 1, null)).toEqual(['clb_unbound']);
    expect(resourceIneligibility(cvm({ type: 'serverless', publicIp: null, termMonths: 1, expiresAt: '2026-02-01T04:00:00Z' }), NOW, 1)).toEqual([]);
  });

  it('should give every rule a Chinese reason and a dated source when the picker shows it', () => {
    for (const rule of Object.values(RESOURCE_RULES)) {
      expect(rule.reason).toMatch(/[\u4e00-\u9fa5]/);
      expect(rule.source).toBeTruthy();
      expect(rule.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
