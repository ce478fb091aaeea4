import type { PrecheckMissGroup } from '@beian/shared';

/** A concrete example path for a pattern (`websites.*.name` → `websites.0.name`). */
const examplePath = (pattern: string) => pattern.replace(/\*/g, '0');

/**
 * The starting point of a new pre-check rule from a cluster of misses: a corpus case to fill in (the mutation and
 * the code are the engineer's to write) and, when every rejection came from one province, the province rule row.
 */
export function missRuleDraft(group: PrecheckMissGroup): string {
  const first = group.months[0]?.month ?? '';
  const last = group.months.at(-1)?.month ?? '';
  const period = first === last ? first : `${first}—${last}`;
  const source = `初审驳回 ${group.count} 次（${period}）：${group.reason}`;
  const lines = [
    `// ${group.fieldLabel}：${group.reason}`,
    `// 建议：${group.suggestion}`,
    '{',
    `  name: '${group.reason}',`,
    `  source: '${source}',`,
    `  base: 'personal_website', // 或 unit_website / personal_app / unit_app`,
    '  mutate: (d) => d, // 改成被驳回时的样子',
    `  path: '${examplePath(group.field)}',`,
    "  code: 'NEW_RULE_CODE',",
    '},',
  ];
  const [only] = group.provinces;
  if (group.provinces.length === 1 && only) {
    lines.push(`// 仅 ${only.name} 出现：考虑在 province-rules.table.ts 增加一行 rule('${only.code}', …, '${source}')`);
  }
  return lines.join('\n');
}
