import { randomUUID } from 'node:crypto';
import { personalDraft } from '@beian/shared/testing';
import { IdempotencyService } from '../../src/platform/http/idempotency.service';
import { withFreshPerson } from '../support/filing-flow';
import { submittableMedia } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';

const PERSONAL_WEBSITE = { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' };

describe('hardening: the double tap (same Idempotency-Key in parallel)', () => {
  const t = useTestApp();

  it.each([1, 2, 3, 4])('should submit once and give eight identical answers when one key is sent eight times in parallel (round %i)', async () => {
    const { client } = await devLogin(t.url, `tap-${randomUUID().slice(0, 8)}`);
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await client.kit.makeSubmittable(order.id, withFreshPerson(personalDraft()), await submittableMedia());
    const key = randomUUID();

    const answers = await Promise.all(Array.from({ length: 8 }, () => client.post(`/api/orders/${order.id}/submit`, {}, { 'idempotency-key': key })));

    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    const timeline = (await client.get(`/api/orders/${order.id}`)).body.timeline;
    expect(timeline.filter((e: { to: string }) => e.to === 'pending_initial_review')).toHaveLength(1);
  });

  it('should create one order when one create key is sent eight times in parallel', async () => {
    const { client } = await devLogin(t.url, `tap-${randomUUID().slice(0, 8)}`);
    const key = randomUUID();

    const answers = await Promise.all(Array.from({ length: 8 }, () => client.post('/api/orders', PERSONAL_WEBSITE, { 'idempotency-key': key })));

    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect((await client.get('/api/orders')).body).toHaveLength(1);
  });

  it('should keep only an encrypted answer in the idempotency table, without the personal data in the clear', async () => {
    const { client } = await devLogin(t.url, `tap-${randomUUID().slice(0, 8)}`);
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    const draft = await client.kit.makeSubmittable(order.id, withFreshPerson(personalDraft()), await submittableMedia());
    const key = randomUUID();
    await client.post(`/api/orders/${order.id}/submit`, {}, { 'idempotency-key': key });

    const rows = await t.db.dataSource.query(`SELECT * FROM idempotency_records WHERE idempotency_key = '${key}'`);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(draft.subject!.name!);
    expect(stored).not.toContain(draft.subjectPrincipal!.mobile!);
  });

  it('should forget a key after a day: the expired record is swept and the key runs anew', async () => {
    const { client } = await devLogin(t.url, `tap-${randomUUID().slice(0, 8)}`);
    const key = randomUUID();
    const first = await client.post('/api/orders', PERSONAL_WEBSITE, { 'idempotency-key': key });
    expect((await client.post('/api/orders', PERSONAL_WEBSITE, { 'idempotency-key': key })).body.id).toBe(first.body.id);

    t.clock.advance(25 * 60 * 60 * 1000);
    const swept = await t.app.get(IdempotencyService).sweep();
    const again = await client.post('/api/orders', PERSONAL_WEBSITE, { 'idempotency-key': key });

    expect(swept).toBeGreaterThanOrEqual(1);
    expect(await t.db.dataSource.query(`SELECT * FROM idempotency_records WHERE idempotency_key = '${key}'`)).toHaveLength(0);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ORDER_IN_FLIGHT');
  });
});
