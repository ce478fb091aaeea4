import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MaterialFile } from '@beian/shared';
import { freshPersonId } from '@beian/shared/testing';
import { localFolderStorage } from '../../src/materials/local-folder.storage';
import { OrderDraftStore } from '../../src/order-core/order-draft.store';
import { ReviewDecisionEntity } from '../../src/order-core/review-decision.entity';
import { FieldCipher } from '../../src/platform/crypto/field-cipher';
import { reencryptFields } from '../../src/platform/crypto/field-reencryption';
import { fileHere } from '../support/filing-record.fixtures';
import { freshMobile } from '../support/filing-flow';
import { photo } from '../support/media-fixtures';
import { upload } from '../materials/upload-helpers';
import { devLogin, startTestApp, type TestApp } from '../support/test-app';

const key = (version: string) => `${version}:${randomBytes(32).toString('base64')}`;
const V1 = key('v1');
const V2 = key('v2');
const NAME = '欧阳轮换';
const CERTIFICATE = freshPersonId();
const MOBILE = freshMobile();

/** Every text value of every table, as one string per row. */
async function dump(t: TestApp): Promise<string[]> {
  const tables = t.db.dataSource.entityMetadatas.map((m) => m.tableName);
  const rows = await Promise.all(tables.map((table) => t.db.rows<Record<string, unknown>>(`SELECT * FROM ${table}`, [])));
  return rows.flat().map((row) => JSON.stringify(row));
}

async function storedFiles(root: string): Promise<Buffer[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name))));
}

describe('hardening: field key rotation — re-encrypt everything, then remove the old key', () => {
  let before: TestApp;
  let owner: Awaited<ReturnType<typeof devLogin>>;
  let orderId: string;
  let subjectId: string;
  let plainPhoto: Buffer;
  let dataDir: string;

  beforeAll(async () => {
    before = await startTestApp({ FIELD_ENCRYPTION_KEYS: V1 });
    dataDir = before.config.dataDir;
    owner = await devLogin(before.url, `rotate-${randomUUID().slice(0, 6)}`);
    const created = await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' });
    orderId = created.body.id;
    const principal = { name: NAME, certificateType: 'resident_id', certificateNumber: CERTIFICATE, mobile: MOBILE };
    const saved = await owner.client.patch(`/api/orders/${orderId}/draft`, { version: created.body.version, draft: { subjectPrincipal: principal } });
    expect(saved.status).toBe(200);
    plainPhoto = await photo();
    const uploaded = await upload(
      before.url,
      owner.client,
      `/api/orders/${orderId}/uploads`,
      { kind: 'certificate_front', target: 'subjectPrincipal', contentType: 'image/jpeg' },
      plainPhoto,
    );
    expect(uploaded.status).toBe(200);
    ({ subjectId } = await fileHere(before, { ownerId: owner.user.id, certificateNumber: CERTIFICATE, subjectIcpNumber: `京ICP备${Date.now() % 1e10}号` }));
    // A 初审 decision keeps the draft as it was, sealed as the review writes it.
    const snapshot = before.app.get(OrderDraftStore).seal({ subjectPrincipal: principal });
    await before.db.manager.insert(ReviewDecisionEntity, {
      orderId,
      reviewerId: owner.user.id,
      decision: 'reject',
      reasons: '[]',
      snapshot,
      reopenedPaths: '[]',
      createdAt: before.clock.now(),
    });
  });
  afterAll(() => before.close());

  it('should leave no value and no file under the old key once re-encrypted, resuming after a stop, and open everything without it', async () => {
    const rotated = await startTestApp({ FIELD_ENCRYPTION_KEYS: `${V1},${V2}`, DATA_DIR: dataDir }, before);
    const cipher = rotated.app.get(FieldCipher);
    const storage = localFolderStorage(rotated.config, rotated.clock);
    let underV1: string[];
    try {
      expect((await dump(rotated)).filter((row) => row.includes('enc:v1:')).length).toBeGreaterThanOrEqual(3);
      // Stopped after its first batch of one row: the next run carries on from there.
      await expect(
        reencryptFields(rotated.db, cipher, {
          batchSize: 1,
          onBatch: () => {
            throw new Error('stopped');
          },
        }),
      ).rejects.toThrow('stopped');
      const resumed = await reencryptFields(rotated.db, cipher, { batchSize: 2 });
      expect(await storage.resealStale(1)).toBe(1);
      while ((await storage.resealStale(1)) > 0);

      underV1 = (await dump(rotated)).filter((row) => row.includes('enc:v1:'));
      // The stopped run rewrote the first row (the draft section); the second run did the rest.
      expect(resumed.map((p) => p.table)).toEqual(expect.arrayContaining(['review_decisions', 'filing_subjects']));
      expect(resumed.map((p) => p.table)).not.toContain('order_draft_sections');
      expect(await reencryptFields(rotated.db, cipher)).toEqual([]);
    } finally {
      await rotated.close();
    }
    const files = await storedFiles(join(dataDir, 'objects'));
    const indexKey = FieldCipher.derivedIndexKey(Buffer.from(V1.slice(3), 'base64')).toString('base64');
    const after = await startTestApp({ FIELD_ENCRYPTION_KEYS: V2, FIELD_INDEX_KEY: indexKey, DATA_DIR: dataDir }, before);
    try {
      const client = (await devLogin(after.url, owner.user.nickname)).client;
      const order = await client.get(`/api/orders/${orderId}`);
      const materials = await client.get<MaterialFile[]>(`/api/orders/${orderId}/materials`);
      const file = await fetch(`${after.url}${materials.body[0]!.fileUrl}`);
      const subject = await client.get(`/api/filings/subjects/${subjectId}`);
      const [decision] = await after.db.manager.find(ReviewDecisionEntity, { where: { orderId } });
      const indexed = await after.db.rows<{ id: string }>('SELECT id FROM filing_subjects WHERE certificate_index = ?', [
        after.app.get(FieldCipher).blindIndex(CERTIFICATE),
      ]);

      expect(underV1).toEqual([]);
      expect(files.length).toBeGreaterThan(0);
      expect(files.filter((bytes) => bytes.subarray(0, 12).toString('latin1') !== 'BEIANENV1\x02v2')).toEqual([]);
      expect(order.status).toBe(200);
      expect(order.body.draft.subjectPrincipal).toMatchObject({
        name: NAME,
        certificateNumber: `${CERTIFICATE.slice(0, 4)}**********${CERTIFICATE.slice(-4)}`,
      });
      expect(file.status).toBe(200);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(0);
      expect(subject.status).toBe(200);
      expect(after.app.get(OrderDraftStore).unseal(decision!.snapshot)).toMatchObject({ subjectPrincipal: { name: NAME, certificateNumber: CERTIFICATE } });
      expect(indexed.map((r) => r.id)).toEqual([subjectId]);
    } finally {
      await after.close();
    }
  });
});
