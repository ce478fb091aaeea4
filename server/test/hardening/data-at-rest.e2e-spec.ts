import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PERSON_ID, personalDraft, principal, website } from '@beian/shared/testing';
import { ObjectEnvelope } from '../../src/platform/crypto/object-envelope';
import { freshMobile } from '../support/filing-flow';
import { submittableMedia } from '../support/media-fixtures';
import { devLogin, useTestApp, type TestApp } from '../support/test-app';
import { CERT_LAST_SIX, DAY, HOUR, PERSONAL_WEBSITE, workflow } from '../regulator/workflow.support';

const NAME = '欧阳明远';
const ADDRESS = '北京市朝阳区安定路甲9号';
const EMAIL = 'ouyang.mingyuan@example.net';

/** Every text value of every table, as `table.column: value` lines. */
async function textCells(t: TestApp): Promise<string[]> {
  const tables = t.db.isSqlite
    ? (await t.db.rows<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`, [])).map((r) => r.name)
    : (await t.db.rows<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()`, [])).map((r) => r.name);
  const cells: string[] = [];
  for (const table of tables) {
    const rows = await t.db.rows<Record<string, unknown>>(`SELECT * FROM ${t.db.isSqlite ? `"${table}"` : `\`${table}\``}`, []);
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string' || Buffer.isBuffer(value)) cells.push(`${table}.${column}: ${value.toString()}`);
      }
    }
  }
  return cells;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

describe('hardening: no personal data in the clear at rest after a whole filing', () => {
  const t = useTestApp({ SIMULATORS_ENABLED: 'true' });

  it('should hold no ID number, mobile, name, address or e-mail in any text column of any table, nor any plain file', async () => {
    const flow = workflow(t);
    const mobile = freshMobile();
    const person = { name: NAME, mobile, email: EMAIL };
    const applicant = await devLogin(t.url, `rest-${mobile.slice(-4)}`);
    const reviewer = (await devLogin(t.url, `审核员-rest-${mobile.slice(-4)}`)).client;
    const draft = personalDraft({
      subject: { ...personalDraft().subject, name: NAME, certificateAddress: ADDRESS, communicationAddress: ADDRESS },
      subjectPrincipal: { validFrom: '2020-01-01', validTo: '2040-01-01', ...person },
      websites: [website({ name: '读书笔记站', principal: principal(person) })],
    });
    const order = (await applicant.client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await applicant.client.kit.makeSubmittable(order.id, draft, await submittableMedia());
    expect((await applicant.client.post(`/api/orders/${order.id}/submit`)).status).toBe(200);
    await flow.drain();
    await reviewer.kit.confirmFaceChecks(order.id);
    expect((await reviewer.post(`/api/review/orders/${order.id}/approve`)).status).toBe(200);
    await flow.drain();
    await reviewer.post(`/api/regulator-sim/orders/${order.id}/script`, { outcome: 'approve', afterWorkingDays: 1 });
    expect((await flow.verify(mobile, await flow.lastCode(mobile), CERT_LAST_SIX)).status).toBe(200);
    await flow.advance(HOUR);
    await flow.advance(4 * DAY);

    const cells = await textCells(t);
    const hits = cells.filter((cell) => [PERSON_ID, mobile, NAME, ADDRESS, EMAIL].some((value) => cell.includes(value)));

    const [filed] = await t.db.rows<{ status: string }>('SELECT status FROM filing_orders WHERE id = ?', [order.id]);
    expect(filed!.status).toBe('approved');
    // The scan reads the drafts: the website's name, not personal, is there in the clear.
    expect(cells.some((cell) => cell.includes('读书笔记站'))).toBe(true);
    expect(cells.length).toBeGreaterThan(100);
    expect(hits).toEqual([]);
    const files = filesUnder(join(t.config.dataDir, 'objects'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) expect(ObjectEnvelope.isSealed(readFileSync(file))).toBe(true);
  });
});
