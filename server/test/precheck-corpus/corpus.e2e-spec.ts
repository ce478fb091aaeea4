import type { Draft, PrecheckResponse } from '@beian/shared';
import { chinaDate } from '@beian/shared';
import { devLogin, useTestApp } from '../support/test-app';
import { CORPUS, CORPUS_BASES, type CorpusBase } from './cases';

type Client = Awaited<ReturnType<typeof devLogin>>['client'];

/** What the pre-check endpoint flags: field errors and findings alike, as `path code`. */
const flagged = (res: PrecheckResponse) => new Set([...res.fields, ...res.findings].map((f) => `${f.path} ${f.code}`));

describe('the pre-check corpus through the API', () => {
  const t = useTestApp();
  const orders = new Map<CorpusBase, { client: Client; id: string; version: number; base: Draft }>();

  beforeAll(async () => {
    for (const [key, base] of Object.entries(CORPUS_BASES) as [CorpusBase, (typeof CORPUS_BASES)[CorpusBase]][]) {
      const { client } = await devLogin(t.url, `corpus-${key}`);
      const order = await client.kit.createOrder(base.request);
      orders.set(key, { client, id: order.id, version: order.version, base: base.draft() });
    }
  });

  /** Saves the whole draft over the order's (every section it has) and asks the pre-check endpoint. */
  async function precheckOf(key: CorpusBase, draft: Draft): Promise<Set<string>> {
    const order = orders.get(key)!;
    const saved = await order.client.kit.saveDraft(order.id, { version: order.version, draft: draft as Record<string, unknown> });
    order.version = saved.version;
    const res = await order.client.get<PrecheckResponse>(`/api/orders/${order.id}/precheck`);
    expect(res.status).toBe(200);
    return flagged(res.body);
  }

  it('should hold at least 60 cases, each with its source', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    for (const corpusCase of CORPUS) expect(corpusCase.source).not.toBe('');
  });

  it('should flag every case on its field, and none of them on the valid order it mutates', async () => {
    const today = chinaDate(t.clock.now());
    const missed: string[] = [];
    for (const key of orders.keys()) {
      const { base } = orders.get(key)!;
      const clean = await precheckOf(key, base);
      for (const corpusCase of CORPUS.filter((c) => c.base === key)) {
        const expected = `${corpusCase.path} ${corpusCase.code}`;
        if (clean.has(expected)) missed.push(`${corpusCase.name}: already flagged on the valid order`);
        const found = await precheckOf(key, corpusCase.mutate(structuredClone(base), today));
        if (!found.has(expected)) missed.push(`${corpusCase.name}: expected ${expected}, got ${[...found].join(', ')}`);
      }
    }
    expect(missed).toEqual([]);
  }, 120_000);
});
