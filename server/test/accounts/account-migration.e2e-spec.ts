import { MIGRATION_NOTICES, MIGRATION_REFUSALS, type MigrationOptions, type MigrationRefusal } from '@beian/shared';
import { freshPersonId, unitDraft, type ApiTestKit } from '@beian/shared/testing';
import { AuditLogEntity } from '../../src/audit/audit-log.entity';
import { FilingRecordStore } from '../../src/filing-record/filing-record.store';
import { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import { workflow } from '../regulator/workflow.support';
import { filedSubject, type FiledSubject } from '../support/cancellation-flow';
import { approveSubmitted, submitFiling, withFreshPerson } from '../support/filing-flow';
import { devLogin, useTestApp } from '../support/test-app';
import { accountIdOf, confirmMigration, migrationCode, newAccount, principalOf, startMigration } from './migration.support';

describe('迁移备案账号: a subject moves to another main account without 初审, SMS or 管局', () => {
  const t = useTestApp();
  const w = workflow(t);
  let reviewer: ApiTestKit;
  let store: FilingRecordStore;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-migration')).client.kit;
    store = t.app.get(FilingRecordStore);
  });

  const options = async (filed: FiledSubject) =>
    (await filed.applicant.client.get<MigrationOptions>(`/api/filings/subjects/${filed.subjectId}/migration`)).body;
  const firstOrderOf = async (filed: FiledSubject) => (await store.versionsOfSubject(t.db.manager, filed.subjectId))[0]!.orderId;
  const refusedWith = (code: MigrationRefusal) => [{ path: 'targetAccountId', code, message: MIGRATION_REFUSALS[code] }];

  it('should tell the old account its filing moved out and the new account that it arrived when the migration is done', async () => {
    const filed = await filedSubject(t, w, reviewer, 1);
    const target = await newAccount(t, filed);
    const orderId = await startMigration(filed);
    await confirmMigration(filed, orderId, await migrationCode(filed, orderId), target.accountId);
    expect((await filed.applicant.client.post(`/api/orders/${orderId}/submit`)).status).toBe(200);
    await w.drain();

    type Message = { type: string; title: string; body: string; orderId: string | null };
    const inbox = async (client: FiledSubject['applicant']['client']) => (await client.get('/api/messages?limit=50')).body.items as Message[];
    const [oldInbox, newInbox] = [await inbox(filed.applicant.client), await inbox(target.client)];
    const subjectNumber = filed.numbers[0]!;

    expect(oldInbox.filter((m) => m.type.startsWith('account_migrated'))).toEqual([
      expect.objectContaining({
        type: 'account_migrated_out',
        title: '备案主体已迁出本账号',
        orderId,
        body: `备案主体（主体备案号 ${subjectNumber}）及其网站/APP、历史订单已迁移至账号 ${target.accountId}，本账号将无法再管理该备案主体的信息。`,
      }),
    ]);
    expect(newInbox).toEqual([
      expect.objectContaining({ type: 'account_migrated_in', title: '备案主体已迁入本账号', orderId: null, body: expect.stringContaining(subjectNumber) }),
    ]);
    expect(newInbox[0]!.body).not.toContain(filed.subjectName);
  });

  it('should move the subject, its services and past orders to the target account and record who moved it when', async () => {
    const filed = await filedSubject(t, w, reviewer, 1);
    const target = await newAccount(t, filed);
    const firstOrderId = await firstOrderOf(filed);
    const before = await options(filed);
    const orderId = await startMigration(filed);
    const confirmed = await confirmMigration(filed, orderId, await migrationCode(filed, orderId), target.accountId);
    const submitted = await filed.applicant.client.post(`/api/orders/${orderId}/submit`);

    const old = filed.applicant.client;
    const [oldList, oldSubject, oldService, oldOrder, oldCancel, migrationOrder] = await Promise.all([
      old.get('/api/filings/subjects'),
      old.get(`/api/filings/subjects/${filed.subjectId}`),
      old.get(`/api/filings/services/${filed.serviceIds[0]}`),
      old.get(`/api/orders/${firstOrderId}`),
      old.get(`/api/filings/subjects/${filed.subjectId}/cancellation`),
      old.get(`/api/orders/${orderId}`),
    ]);
    const [newList, newService, newOrder, newStart] = await Promise.all([
      target.client.get('/api/filings/subjects'),
      target.client.get(`/api/filings/services/${filed.serviceIds[0]}`),
      target.client.get(`/api/orders/${firstOrderId}`),
      target.client.post('/api/orders', { kind: 'cancel_service', subjectType: 'personal', serviceType: 'website', subjectId: filed.subjectId }),
    ]);

    expect(before).toMatchObject({ available: true, reason: null, resumeOrderId: null, notices: [...MIGRATION_NOTICES] });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ orderId, targetAccountId: target.accountId, confirmed: true });
    expect(confirmed.body.mobileMasked).toBe(`${filed.mobile.slice(0, 3)}****${filed.mobile.slice(7)}`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('approved');
    expect(oldList.body).toEqual([]);
    expect([oldSubject.status, oldService.status, oldOrder.status, oldCancel.status]).toEqual([404, 404, 404, 404]);
    expect(migrationOrder.body.status).toBe('approved');
    expect(newList.body.map((s: { id: string }) => s.id)).toEqual([filed.subjectId]);
    expect(newService.status).toBe(200);
    expect(newOrder.body.status).toBe('approved');
    expect(newStart.status).toBe(201);
    const version = await store.versionOfOrder(t.db.manager, orderId);
    expect(version?.kind).toBe('migrate_account');
    expect(JSON.parse(version!.before!).subject.ownerId).toBe(filed.applicant.user.id);
    expect(JSON.parse(version!.after).subject.ownerId).toBe(target.user.id);
    expect(await t.db.manager.findOneByOrFail(AuditLogEntity, { orderId })).toMatchObject({
      actorId: filed.applicant.user.id,
      action: 'record.migrated',
      target: `subject:${filed.subjectId}`,
      reason: `迁入账号 ${target.accountId}`,
    });
  });

  it('should refuse each unfit target account on the account ID field with its own message, and a principal not on record', async () => {
    const filed = await filedSubject(t, w, reviewer, 1);
    const other = await filedSubject(t, w, reviewer, 1);
    const main = await newAccount(t, filed);
    const sub = await main.client.post('/api/sim/accounts/sub-accounts');
    const stranger = await newAccount(t, other);
    const unverified = await newAccount(t);
    const orderId = await startMigration(filed);
    const wrongMobile = await filed.applicant.client.post(`/api/orders/${orderId}/migration/codes`, { ...principalOf(filed), mobile: '13000000000' });
    const code = await migrationCode(filed, orderId);

    const answers = await Promise.all(
      [
        '000000000000',
        await accountIdOf(filed.applicant.client),
        sub.body.accountId,
        await accountIdOf(other.applicant.client),
        stranger.accountId,
        unverified.accountId,
      ].map(async (targetAccountId) => ((await confirmMigration(filed, orderId, code, targetAccountId)).body as { fields?: unknown }).fields),
    );
    const early = await filed.applicant.client.post(`/api/orders/${orderId}/submit`);
    const accepted = await confirmMigration(filed, orderId, code, main.accountId);

    expect(wrongMobile.status).toBe(422);
    expect(wrongMobile.body.fields).toEqual([
      { path: 'mobile', code: 'MIGRATION_PRINCIPAL_MISMATCH', message: MIGRATION_REFUSALS.MIGRATION_PRINCIPAL_MISMATCH },
    ]);
    expect(sub.status).toBe(201);
    expect(sub.body.accountType).toBe('sub');
    expect(answers).toEqual([
      refusedWith('MIGRATION_TARGET_NOT_FOUND'),
      refusedWith('MIGRATION_TARGET_SAME'),
      refusedWith('MIGRATION_TARGET_NOT_MAIN'),
      refusedWith('MIGRATION_TARGET_HAS_FILINGS'),
      refusedWith('MIGRATION_REAL_NAME_MISMATCH'),
      refusedWith('MIGRATION_REAL_NAME_MISMATCH'),
    ]);
    expect(early.status).toBe(422);
    expect(early.body.fields.map((f: { path: string }) => f.path)).toEqual(['migration.code']);
    expect(accepted.body.confirmed).toBe(true);
    expect((await store.subjectRef(t.db.manager, filed.subjectId))?.ownerId).toBe(filed.applicant.user.id);
  });

  it('should refuse while another order of the subject is in flight, and at submission once the target has an order', async () => {
    const busy = await filedSubject(t, w, reviewer, 1);
    const cancellation = await busy.applicant.client.post('/api/orders', {
      kind: 'cancel_service',
      subjectType: 'personal',
      serviceType: 'website',
      subjectId: busy.subjectId,
    });
    const refusedOptions = await options(busy);
    const refusedStart = await busy.applicant.client.post('/api/orders', {
      kind: 'migrate_account',
      subjectType: 'personal',
      serviceType: 'website',
      subjectId: busy.subjectId,
    });

    const filed = await filedSubject(t, w, reviewer, 1);
    const target = await newAccount(t, filed);
    const orderId = await startMigration(filed);
    const resumed = await options(filed);
    await confirmMigration(filed, orderId, await migrationCode(filed, orderId), target.accountId);
    await target.client.kit.createOrder({ kind: 'first_filing', subjectType: 'personal', serviceType: 'website' });
    const submitted = await filed.applicant.client.post(`/api/orders/${orderId}/submit`);

    expect(cancellation.status).toBe(201);
    expect(refusedOptions).toMatchObject({ available: false, reason: MIGRATION_REFUSALS.MIGRATION_ORDER_IN_FLIGHT });
    expect(refusedStart.status).toBe(409);
    expect(resumed).toMatchObject({ available: true, resumeOrderId: orderId });
    expect(submitted.status).toBe(422);
    expect(submitted.body.fields).toEqual(refusedWith('MIGRATION_TARGET_HAS_FILINGS'));
    expect((await store.subjectRef(t.db.manager, filed.subjectId))?.ownerId).toBe(filed.applicant.user.id);
  });

  it('should accept a target real-named as the unit subject or its legal representative, and refuse a person who is neither', async () => {
    const fresh = withFreshPerson(unitDraft());
    // The province asks the legal representative to be the subject principal: one fresh person for both.
    const draft = { ...fresh, subject: { ...fresh.subject, legalRepCertificateNumber: fresh.subjectPrincipal!.certificateNumber } };
    const first = await submitFiling(t, w, { draft, request: { kind: 'first_filing', subjectType: 'unit', serviceType: 'website' } });
    await approveSubmitted(w, first.applicant, first.orderId, first.draft, reviewer);
    const subjectId = (await t.db.manager.findOneByOrFail(FilingOrderEntity, { id: first.orderId })).subjectId!;
    const filed: FiledSubject = {
      ...first,
      subjectId,
      subjectName: draft.subject!.name!,
      serviceIds: [],
      numbers: [],
      mobile: draft.subjectPrincipal!.mobile!,
    };
    const realNamed = async (name: string, certificateNumber: string) => {
      const account = await newAccount(t);
      const verified = await account.client.post('/api/accounts/me/real-name', { type: 'personal', name, certificateNumber });
      expect(verified.status).toBe(200);
      return account;
    };
    // Someone else: the legal representative's name, another person's ID.
    const someoneElse = await realNamed(draft.subject!.legalRepName!, freshPersonId());
    const legalRep = await realNamed(draft.subject!.legalRepName!, draft.subject!.legalRepCertificateNumber!.toLowerCase());
    const company = await newAccount(t);
    await company.client.post('/api/accounts/me/real-name', {
      type: 'enterprise',
      name: filed.subjectName,
      certificateNumber: draft.subject!.certificateNumber,
    });
    const orderId = await startMigration(filed);
    const code = await migrationCode(filed, orderId);

    const toSomeoneElse = await confirmMigration(filed, orderId, code, someoneElse.accountId);
    const toCompany = await confirmMigration(filed, orderId, code, company.accountId);
    const toLegalRep = await confirmMigration(filed, orderId, code, legalRep.accountId);
    const submitted = await filed.applicant.client.post(`/api/orders/${orderId}/submit`);

    expect((toSomeoneElse.body as { fields?: unknown }).fields).toEqual(refusedWith('MIGRATION_REAL_NAME_MISMATCH'));
    expect(toCompany.body).toMatchObject({ confirmed: true, targetAccountId: company.accountId });
    expect(toLegalRep.body).toMatchObject({ confirmed: true, targetAccountId: legalRep.accountId });
    expect(submitted.body.status).toBe('approved');
    expect((await store.subjectRef(t.db.manager, subjectId))?.ownerId).toBe(legalRep.user.id);
  });

  it('should move the subject once when two submissions of its migration race', async () => {
    const filed = await filedSubject(t, w, reviewer, 1);
    const target = await newAccount(t, filed);
    const orderId = await startMigration(filed);
    await confirmMigration(filed, orderId, await migrationCode(filed, orderId), target.accountId);

    const answers = await Promise.all(
      ['race-a', 'race-b'].map((key) => filed.applicant.client.post(`/api/orders/${orderId}/submit`, {}, { 'Idempotency-Key': `${key}-${orderId}` })),
    );

    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await store.subjectRef(t.db.manager, filed.subjectId))?.ownerId).toBe(target.user.id);
    expect((await store.versionsOfSubject(t.db.manager, filed.subjectId)).filter((v) => v.kind === 'migrate_account')).toHaveLength(1);
    expect(await t.db.manager.countBy(FilingOrderEntity, { ownerId: target.user.id })).toBe(1);
  });
});
