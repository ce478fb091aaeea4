import { randomUUID } from 'node:crypto';
import { DRAFT_SECTION_MAX_BYTES, PERSONAL_DRAFT_FIELDS } from '@beian/shared';
import { OrderDraftStore } from '../../src/order-core/order-draft.store';
import { devLogin, useTestApp } from '../support/test-app';

/** The value as the draft schema keeps it (certificate numbers are stored in upper case). */
function normalizedAs(pattern: string, value: string): string {
  return PERSONAL_DRAFT_FIELDS.get(pattern) === 'certificate_number' ? value.toUpperCase() : value;
}

/** A draft with every marked field filled (list items at index 0), each value naming its own path. */
function draftWithEveryPersonalField(): { draft: Record<string, unknown>; values: Map<string, string> } {
  const draft: Record<string, unknown> = {};
  const values = new Map<string, string>();
  for (const pattern of PERSONAL_DRAFT_FIELDS.keys()) {
    const path = pattern.replaceAll('*', '0');
    const value = normalizedAs(pattern, `秘密-${path}-${randomUUID().slice(0, 6)}`);
    values.set(path, value);
    const keys = path.split('.');
    let node: Record<string, unknown> | unknown[] = draft;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const container = node as Record<string, unknown>;
      if (last) container[key] = value;
      else node = (container[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {}) as Record<string, unknown>;
    });
  }
  return { draft, values };
}

describe('hardening: personal fields marked in the shared schema stay encrypted', () => {
  const t = useTestApp();

  const newOrder = async () => {
    const { client } = await devLogin(t.url, `pf-${randomUUID().slice(0, 8)}`);
    const order = (await client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body;
    return { client, orderId: order.id as string, version: order.version as number };
  };

  it('should store every marked field of every section encrypted, none of their values in the clear', async () => {
    const { client, orderId, version } = await newOrder();
    const { draft, values } = draftWithEveryPersonalField();

    const saved = await client.patch(`/api/orders/${orderId}/draft`, { version, draft });
    const rows = await t.db.rows<{ section: string; data: string }>('SELECT section, data FROM order_draft_sections WHERE order_id = ?', [orderId]);
    const stored = rows.map((row) => row.data).join('\n');

    expect(saved.status).toBe(200);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const value of values.values()) expect(stored).not.toContain(value);
    expect((await client.get(`/api/orders/${orderId}?reveal=true`)).body.draft).toEqual(draft);
  });

  it('should mask the filing password and the domain holder certificate number for the owner who does not ask to reveal', async () => {
    const { client, orderId, version } = await newOrder();
    const draft = {
      subject: { filingPassword: 'Secret123', name: '张三' },
      websites: [{ name: '我的网站', domainHolders: [{ domain: 'example.cn', holderCertificateNumber: '110101199003078515' }] }],
    };
    await client.patch(`/api/orders/${orderId}/draft`, { version, draft });

    const read = (await client.get(`/api/orders/${orderId}`)).body.draft;

    expect(read.subject).toEqual({ filingPassword: '******', name: '张三' });
    expect(read.websites[0].domainHolders[0].holderCertificateNumber).toBe('1101**********8515');
  });

  it('should seal review snapshots with every marked field encrypted', () => {
    const { draft, values } = draftWithEveryPersonalField();
    const drafts = t.app.get(OrderDraftStore);

    const sealed = drafts.seal(draft);

    for (const value of values.values()) expect(sealed).not.toContain(value);
    expect(drafts.unseal(sealed)).toEqual(draft);
  });

  it('should answer an unknown section key with a 422 on that key', async () => {
    const { client, orderId, version } = await newOrder();

    const answer = await client.patch(`/api/orders/${orderId}/draft`, { version, draft: { x: 1 } });

    expect(answer.status).toBe(422);
    expect(answer.body.fields).toEqual([{ path: 'draft.x', code: 'UNKNOWN_FIELD', message: expect.any(String) }]);
  });

  it('should refuse a save that would make the whole draft larger than one review snapshot holds, and keep the draft as it was', async () => {
    const { client, orderId, version } = await newOrder();
    await client.patch(`/api/orders/${orderId}/draft`, { version, draft: { subject: { remark: 'x'.repeat(40_000) } } });

    const answer = await client.patch(`/api/orders/${orderId}/draft`, { version: version + 1, draft: { websites: [{ remark: 'y'.repeat(30_000) }] } });
    const kept = (await client.get(`/api/orders/${orderId}`)).body;

    expect(answer.status).toBe(422);
    expect(answer.body.fields).toEqual([{ path: 'draft', code: 'DRAFT_TOO_LARGE', message: expect.any(String) }]);
    expect(kept.version).toBe(version + 1);
    expect(kept.draft.websites).toBeUndefined();
  });

  it('should answer a section over the limit with a 422 on that section, before or after encryption', async () => {
    const { client, orderId, version } = await newOrder();
    const plainTooLarge = { subject: { remark: 'x'.repeat(DRAFT_SECTION_MAX_BYTES) } };
    // Small enough in plain, but encryption more than triples each short personal value.
    const holders = Array.from({ length: 2000 }, () => ({ holderName: '张' }));
    const encryptedTooLarge = { websites: [{ domainHolders: holders }] };

    const answers = [
      await client.patch(`/api/orders/${orderId}/draft`, { version, draft: plainTooLarge }),
      await client.patch(`/api/orders/${orderId}/draft`, { version, draft: encryptedTooLarge }),
    ];

    expect(Buffer.byteLength(JSON.stringify(encryptedTooLarge.websites))).toBeLessThan(DRAFT_SECTION_MAX_BYTES);
    expect(answers.map((a) => a.status)).toEqual([422, 422]);
    expect(answers.map((a) => a.body.fields[0])).toEqual([
      { path: 'draft.subject', code: 'SECTION_TOO_LARGE', message: expect.any(String) },
      { path: 'draft.websites', code: 'SECTION_TOO_LARGE', message: expect.any(String) },
    ]);
  });
});
