import { ORDER_KIND_KEYS, ORDER_KINDS, startsFromRecord, type Draft, type OrderDetail } from '@beian/shared';
import { freshPersonId, personalDraft, PERSONAL_WEBSITE, website, type ApiTestKit } from '@beian/shared/testing';
import { FilingRecordStore } from '../../src/filing-record/filing-record.store';
import { FilingAccessRecordEntity } from '../../src/filing-record/filing-access-record.entity';
import { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import { FieldCipher } from '../../src/platform/crypto/field-cipher';
import { workflow } from '../regulator/workflow.support';
import { approveAddedService, approveFirstFiling, withFreshPerson, type Applicant } from '../support/filing-flow';
import { devLogin, useTestApp } from '../support/test-app';

/** Several orders driven through the whole workflow: slower than one request on a busy machine. */
const FLOW_TIMEOUT = 120_000;

describe('the approved-filing record: approval, numbers, orders from the record', () => {
  const t = useTestApp();
  const w = workflow(t);
  let reviewer: ApiTestKit;
  let store: FilingRecordStore;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-record')).client.kit;
    store = t.app.get(FilingRecordStore);
  });

  const subjectOf = async (orderId: string) => (await t.db.manager.findOneByOrFail(FilingOrderEntity, { id: orderId })).subjectId!;

  const addService = (applicant: Applicant, subjectId: string, domain: string, filed: Draft) =>
    approveAddedService(t, w, reviewer, { applicant, subjectId, domain, filed });

  it(
    'should write the subject, its service, our access and a version when a first filing is approved',
    async () => {
      const { applicant, orderId, draft, numbers } = await approveFirstFiling(t, w, reviewer);
      const subjectId = await subjectOf(orderId);

      const subject = await store.subject(t.db.manager, subjectId);
      const services = await store.servicesOfSubjects(t.db.manager, [subjectId]);
      const access = await t.db.manager.findBy(FilingAccessRecordEntity, { serviceId: services[0]!.id });
      const version = await store.versionOfOrder(t.db.manager, orderId);

      const certificateNumber = draft.subject!.certificateNumber!;
      expect(numbers).toEqual([expect.stringMatching(/^京ICP备2026\d{6}号$/), `${numbers[0]}-1`]);
      expect(subject).toMatchObject({
        ownerId: applicant.user.id,
        subjectIcpNumber: numbers[0],
        provinceCode: '11',
        regionCode: '110105',
        nature: 'personal',
        certificateIndex: t.app.get(FieldCipher).blindIndex(certificateNumber),
        origin: 'here',
        state: 'active',
        maxServiceSeq: 1,
      });
      expect(subject!.certificateNumber).not.toContain(certificateNumber);
      expect(t.app.get(FieldCipher).decrypt(subject!.certificateNumber)).toBe(certificateNumber);
      expect(subject!.principal).not.toContain(draft.subjectPrincipal!.mobile!);
      expect(services).toMatchObject([{ serviceType: 'website', serviceIcpNumber: numbers[1], seq: 1, state: 'active', domains: '["example.com"]' }]);
      expect(access).toMatchObject([{ provider: '本平台', endedAt: null }]);
      expect(access[0]!.since.getTime()).toBe(services[0]!.approvedAt.getTime());
      expect(version).toMatchObject({ subjectId, kind: 'first_filing', before: null });
      expect(JSON.parse(version!.after)).toMatchObject({ subject: { id: subjectId }, services: [{ serviceIcpNumber: numbers[1] }] });
      expect(await store.subjectByCertificate(t.db.manager, subject!.certificateIndex)).toMatchObject({ id: subjectId, state: 'active' });
      expect(await store.servicesByName(t.db.manager, 'website', 'EXAMPLE.com.')).toEqual(
        expect.arrayContaining([expect.objectContaining({ serviceIcpNumber: numbers[1], subject: expect.objectContaining({ id: subjectId }) })]),
      );
    },
    FLOW_TIMEOUT,
  );

  it(
    'should copy the subject into a 新增服务 order, lock its identity and issue the next -n, never reusing a cancelled one',
    async () => {
      const { applicant, orderId, numbers, draft } = await approveFirstFiling(t, w, reviewer);
      const subjectId = await subjectOf(orderId);
      const request = { kind: 'add_service_local', subjectType: 'personal', serviceType: 'website', subjectId } as const;

      const created = await applicant.client.post<OrderDetail>('/api/orders', request);
      const copied = created.body.draft.subject as Record<string, string>;
      const moved = await applicant.client.patch(`/api/orders/${created.body.id}/draft`, {
        version: created.body.version,
        draft: { subject: { ...(await applicant.client.kit.order(created.body.id, true)).draft.subject!, regionCode: '310101', certificateType: 'passport' } },
      });
      const renamed = await applicant.client.patch(`/api/orders/${created.body.id}/draft`, {
        version: created.body.version,
        draft: { subject: { ...(await applicant.client.kit.order(created.body.id, true)).draft.subject!, regionCode: '110108', name: '张三（新）' } },
      });
      await applicant.client.post(`/api/orders/${created.body.id}/withdraw`);

      expect(created.status).toBe(201);
      expect(copied).toMatchObject({ nature: 'personal', certificateType: 'resident_id', regionCode: '110105', subjectIcpNumber: numbers[0], name: '张三' });
      expect(copied.certificateNumber).toContain('*');
      expect(moved.status).toBe(422);
      expect(moved.body.fields).toEqual([
        { path: 'draft.subject.regionCode', code: 'FIELD_LOCKED', message: '备案地区（省级）不允许修改' },
        { path: 'draft.subject.certificateType', code: 'FIELD_LOCKED', message: '主办者证件类型不允许修改' },
      ]);
      expect(renamed.status).toBe(200);

      const second = await addService(applicant, subjectId, 'second.example.cn', draft);
      await store.endService(t.db.manager, (await store.servicesOfSubjects(t.db.manager, [subjectId]))[1]!.id, 'cancelled', t.clock.now());
      const third = await addService(applicant, subjectId, 'third.example.cn', draft);

      expect(second.numbers).toEqual([numbers[0], `${numbers[0]}-2`]);
      expect(third.numbers).toEqual([numbers[0], `${numbers[0]}-3`]);
      const services = await store.servicesOfSubjects(t.db.manager, [subjectId]);
      expect(services.map((s) => [s.seq, s.state])).toEqual([
        [1, 'active'],
        [2, 'cancelled'],
        [3, 'active'],
      ]);
      expect(await store.subjectRef(t.db.manager, subjectId)).toMatchObject({ maxServiceSeq: 3, subjectIcpNumber: numbers[0] });
      const versions = await store.versionsOfSubject(t.db.manager, subjectId);
      expect(versions.map((v) => v.kind)).toEqual(['first_filing', 'add_service_local', 'add_service_local']);
      expect(JSON.parse(versions[1]!.before!)).toMatchObject({ subject: { maxServiceSeq: 1 } });
      expect(JSON.parse(versions[1]!.after)).toMatchObject({ subject: { maxServiceSeq: 2 }, services: [{ seq: 2 }] });
    },
    FLOW_TIMEOUT,
  );

  it(
    'should keep the numbers filed elsewhere when a 接入备案 is approved, with our access from today',
    async () => {
      const certificateNumber = freshPersonId();
      const registered = await reviewer.call('POST', '/api/regulator-sim/registry', {
        certificateNumber,
        subjectIcpNumber: '京ICP备2020012345号',
        serviceType: 'website',
        service: 'accessed.example.cn',
        serviceIcpNumber: '京ICP备2020012345号-3',
      });
      const verification = { regionCode: '110105', subjectNature: 'personal', certificateType: 'resident_id', certificateNumber, subjectName: '张三' };
      const request = {
        ...PERSONAL_WEBSITE,
        kind: 'access_filing',
        verification: { ...verification, serviceType: 'website', domain: 'accessed.example.cn' },
      } as const;
      const base = withFreshPerson(personalDraft());
      const draft = {
        ...base,
        subject: { ...base.subject, certificateNumber, subjectIcpNumber: '京ICP备2020012345号', filingPassword: 'Bp7xQ2' },
        websites: [
          website({ domains: ['accessed.example.cn'], icpNumber: '京ICP备2020012345号-3', principal: { ...base.websites![0]!.principal, certificateNumber } }),
        ],
      };

      const { applicant, orderId, numbers } = await approveFirstFiling(t, w, reviewer, { request, draft });
      const subjectId = await subjectOf(orderId);

      expect(registered.status).toBe(204);
      expect(numbers).toEqual(['京ICP备2020012345号', '京ICP备2020012345号-3']);
      expect(await store.subjectRef(t.db.manager, subjectId)).toMatchObject({
        ownerId: applicant.user.id,
        origin: 'access',
        state: 'active',
        maxServiceSeq: 3,
      });
      const [service] = await store.servicesOfSubjects(t.db.manager, [subjectId]);
      expect(service).toMatchObject({ serviceIcpNumber: '京ICP备2020012345号-3', seq: 3 });
      expect(await store.accessOfServices(t.db.manager, [service!.id])).toMatchObject([{ provider: '本平台', since: t.clock.now(), endedAt: null }]);
    },
    FLOW_TIMEOUT,
  );

  it(
    'should continue the registry -n under the subject number filed elsewhere when a 新增服务（外平台）is approved',
    async () => {
      const certificateNumber = freshPersonId();
      await reviewer.ok('registry filing', 'POST', '/api/regulator-sim/registry', {
        certificateNumber,
        subjectIcpNumber: '京ICP备2019054321号',
        serviceType: 'website',
        service: 'elsewhere.example.cn',
        serviceIcpNumber: '京ICP备2019054321号-2',
      });
      const verification = { regionCode: '110105', subjectNature: 'personal', certificateType: 'resident_id', certificateNumber, subjectName: '张三' };
      const request = {
        ...PERSONAL_WEBSITE,
        kind: 'add_service_remote',
        verification: { ...verification, serviceType: 'website', domain: 'new-here.example.cn' },
      } as const;
      const base = withFreshPerson(personalDraft());
      const person = { ...base.websites![0]!.principal, certificateNumber };
      const draft = {
        ...base,
        subject: { ...base.subject, certificateNumber, subjectIcpNumber: '京ICP备2019054321号', filingPassword: 'Bp7xQ2' },
        websites: [website({ domains: ['new-here.example.cn'], principal: person })],
      };

      const { orderId, numbers } = await approveFirstFiling(t, w, reviewer, { request, draft });

      expect(numbers).toEqual(['京ICP备2019054321号', '京ICP备2019054321号-3']);
      expect(await store.subjectRef(t.db.manager, await subjectOf(orderId))).toMatchObject({ origin: 'registry', maxServiceSeq: 3 });
    },
    FLOW_TIMEOUT,
  );

  it(
    'should allow one order in flight per subject across accounts, at creation and at submission',
    async () => {
      const certificateNumber = freshPersonId();
      const verification = {
        regionCode: '110105',
        subjectNature: 'personal',
        certificateType: 'resident_id',
        certificateNumber,
        subjectName: '张三',
        serviceType: 'website' as const,
      };
      const first = (await devLogin(t.url, 'in-flight-a')).client;
      const second = (await devLogin(t.url, 'in-flight-b')).client;
      const draftOf = (id: string) => ({ subject: { ...personalDraft().subject, certificateNumber: id } });

      const a = await first.kit.createOrder({ ...PERSONAL_WEBSITE, verification: { ...verification, domain: 'a.example.cn' } });
      const refused = await second.post('/api/orders', { ...PERSONAL_WEBSITE, verification: { ...verification, domain: 'b.example.cn' } });
      const b = await second.kit.createOrder();
      await second.kit.saveDraft(b.id, { version: b.version, draft: draftOf(certificateNumber) });
      const submitted = await second.post(`/api/orders/${b.id}/submit`);
      const precheck = await second.get(`/api/orders/${b.id}/precheck`);
      await first.post(`/api/orders/${a.id}/withdraw`);
      const freed = await second.get(`/api/orders/${b.id}/precheck`);

      const taken = {
        path: 'subject.certificateNumber',
        code: 'SUBJECT_HAS_ORDER_IN_FLIGHT',
        message: '该主办者已有进行中的备案订单，请等待该订单完成或撤销后再提交',
      };
      expect(refused).toMatchObject({ status: 409, body: { code: 'SUBJECT_ORDER_IN_FLIGHT', fields: [{ ...taken, path: 'verification.certificateNumber' }] } });
      expect(submitted.status).toBe(422);
      expect(submitted.body.fields).toContainEqual(taken);
      expect(precheck.body.findings).toContainEqual({ ...taken, severity: 'error', source: expect.stringContaining('DOMAIN.md §2') });
      expect(freed.body.findings).not.toContainEqual(expect.objectContaining(taken));
      expect((await first.post('/api/orders', PERSONAL_WEBSITE)).status).toBe(201);
      expect((await first.post('/api/orders', PERSONAL_WEBSITE)).body.code).toBe('ORDER_IN_FLIGHT');
    },
    FLOW_TIMEOUT,
  );

  it(
    'should refuse every post-approval kind without an active subject of the caller behind it',
    async () => {
      const owner = await approveFirstFiling(t, w, reviewer);
      const subjectId = await subjectOf(owner.orderId);
      const stranger = (await devLogin(t.url, 'record-stranger')).client;
      const kinds = ORDER_KIND_KEYS.filter(startsFromRecord);

      const withoutSubject = await Promise.all(kinds.map((kind) => stranger.post('/api/orders', { kind, subjectType: 'personal', serviceType: 'website' })));
      const othersSubject = await stranger.post('/api/orders', { kind: 'change_filing', subjectType: 'personal', serviceType: 'website', subjectId });
      const verification = {
        regionCode: '110105',
        subjectNature: 'personal',
        certificateType: 'resident_id',
        subjectName: '张三',
        serviceType: 'website',
        domain: 'more.example.cn',
      };
      const verified = {
        kind: 'add_service_local',
        subjectType: 'personal',
        serviceType: 'website',
        verification: { ...verification, certificateNumber: owner.draft.subject!.certificateNumber },
      };
      const strangers = await stranger.post('/api/orders', verified);
      const fromVerification = await owner.applicant.client.post<OrderDetail>('/api/orders', verified);
      await owner.applicant.client.post(`/api/orders/${fromVerification.body.id}/withdraw`);
      await store.setSubjectState(t.db.manager, subjectId, 'cancelled', t.clock.now());
      const cancelled = await owner.applicant.client.post('/api/orders', {
        kind: 'add_service_local',
        subjectType: 'personal',
        serviceType: 'website',
        subjectId,
      });

      expect(kinds).toEqual(expect.arrayContaining(['add_service_local', 'change_filing', 'cancel_subject', 'cancel_access', 'migrate_account']));
      expect(kinds).not.toContain('first_filing');
      withoutSubject.forEach((res, i) => {
        expect(res.status).toBe(422);
        expect(res.body.fields).toEqual([
          { path: 'subjectId', code: 'FILING_SUBJECT_REQUIRED', message: expect.stringContaining(`办理「${ORDER_KINDS[kinds[i]!].label}」`) },
        ]);
      });
      expect(othersSubject.body.fields).toEqual([
        { path: 'subjectId', code: 'FILING_SUBJECT_NOT_FOUND', message: '未找到该备案主体，请从「我的备案」中重新选择' },
      ]);
      expect(strangers.body.fields).toEqual([expect.objectContaining({ path: 'subjectId', code: 'FILING_SUBJECT_NOT_FOUND' })]);
      expect(fromVerification.status).toBe(201);
      expect(await subjectOf(fromVerification.body.id)).toBe(subjectId);
      expect(cancelled.body.fields).toEqual([
        { path: 'subjectId', code: 'FILING_SUBJECT_INACTIVE', message: '该主体已注销，不能办理「新增服务（原备案在本平台）」' },
      ]);
      expect(await stranger.kit.orders()).toEqual([]);
    },
    FLOW_TIMEOUT,
  );
});
