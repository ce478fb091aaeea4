import type { PrecheckMissGroup } from '@beian/shared';
import { missRuleDraft } from '../../src/staff/components/miss-rule-draft.util';

const group = (over: Partial<PrecheckMissGroup> = {}): PrecheckMissGroup => ({
  field: 'websites.*.name',
  fieldLabel: '网站 · 网站名称',
  area: '网站',
  reason: '网站名称与内容不符',
  suggestion: '请使用能体现网站内容的名称',
  count: 3,
  months: [
    { month: '2026-10', count: 1 },
    { month: '2026-11', count: 2 },
  ],
  provinces: [{ code: '44', name: '广东省' }],
  lastAt: '2026-11-20T02:00:00.000Z',
  ...over,
});

describe('missRuleDraft', () => {
  it('should draft a corpus case on an example path with the cluster as its source', () => {
    const draft = missRuleDraft(group());
    expect(draft).toContain("path: 'websites.0.name'");
    expect(draft).toContain('初审驳回 3 次（2026-10—2026-11）：网站名称与内容不符');
  });

  it('should propose a province rule row when every rejection came from one province', () => {
    expect(missRuleDraft(group())).toContain("rule('44'");
    expect(
      missRuleDraft(
        group({
          provinces: [
            { code: '44', name: '广东省' },
            { code: '11', name: '北京市' },
          ],
        }),
      ),
    ).not.toContain('province-rules.table.ts');
  });
});
