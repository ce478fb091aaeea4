import {
  BIOMETRIC_CONSENT_VERSION,
  type Draft,
  type FaceChallenge,
  type Invitation,
  type OrderDetail,
  type PrincipalStatus,
  type ReviewOrderDetail,
} from '@beian/shared';
import { freshPersonId, PERSON_ID_LAST_SIX, type ApiTestKit } from '@beian/shared/testing';
import { FilingRecordStore } from '../../src/filing-record/filing-record.store';
import { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import { OrderDraftStore } from '../../src/order-core/order-draft.store';
import { workflow } from '../regulator/workflow.support';
import { approveFirstFiling, freshMobile, type Applicant } from '../support/filing-flow';
import { upload } from '../materials/upload-helpers';
import { mp4, photo, submittableMedia } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';

/** Long enough for the simulators' delayed results (as approveSubmitted waits). */
const SETTLE_MS = 30 * 60_000;

describe('变更备案 / 变更服务: from the record, locked fields, the diff, SMS to the changed principal, a new version', () => {
  const t = useTestApp();
  const w = workflow(t);
  let reviewer: ApiTestKit;
  let store: FilingRecordStore;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-changes')).client.kit;
    store = t.app.get(FilingRecordStore);
  });

  /** A personal website filed and approved: the applicant, the subject and its service in the record, the numbers. */
  async function filed() {
    const first = await approveFirstFiling(t, w, reviewer);
    const { subjectId } = await t.db.manager.findOneByOrFail(FilingOrderEntity, { id: first.orderId });
    const [service] = await store.servicesOfSubjects(t.db.manager, [subjectId!]);
    return { ...first, subjectId: subjectId!, serviceId: service!.id };
  }

  const changeRequest = (kind: 'change_filing' | 'change_service', subjectId: string, serviceIds?: string[]) =>
    ({ kind, subjectType: 'personal', serviceType: 'website', subjectId, ...(serviceIds ? { serviceIds } : {}) }) as const;

  async function save(applicant: Applicant, orderId: string, draft: Partial<Draft>) {
    const { version } = await applicant.client.kit.order(orderId);
    return applicant.client.patch(`/api/orders/${orderId}/draft`, { version, draft });
  }

  /** The new principal checks their face on their own phone, through the applicant's invitation. */
  async function faceCheckByInvitation(applicant: Applicant, orderId: string, path: string) {
    const person = await devLogin(t.url, `principal-${orderId.slice(0, 8)}`);
    const invitation = (await applicant.client.post<Invitation>(`/api/orders/${orderId}/principals/${path}/invitations`)).body;
    const base = `/api/invitations/${invitation.token}`;
    await person.client.kit.ok('accept', 'POST', `${base}/accept`);
    await person.client.kit.ok('consent', 'POST', `${base}/consent`, { version: BIOMETRIC_CONSENT_VERSION });
    const challenge = await person.client.kit.ok<FaceChallenge>('challenge', 'POST', `${base}/face-check/challenge`);
    const video = await upload(t.url, person.client, `${base}/uploads`, { kind: 'face_video', contentType: 'video/mp4' }, mp4(8));
    await upload(t.url, person.client, `${base}/uploads`, { kind: 'certificate_front', contentType: 'image/jpeg' }, await photo({ gps: true }));
    await person.client.kit.ok('face check', 'POST', `${base}/face-check`, { challengeId: challenge.challengeId, videoFileId: video.body.fileId });
  }

  it('should refuse to start without a subject, without a chosen service for 变更服务, and while an order is in flight', async () => {
    const { applicant, subjectId } = await filed();

    const noSubject = await applicant.client.post('/api/orders', { kind: 'change_filing', subjectType: 'personal', serviceType: 'website' });
    const noService = await applicant.client.post('/api/orders', changeRequest('change_service', subjectId));
    const otherService = await applicant.client.post('/api/orders', changeRequest('change_service', subjectId, ['not-a-service']));
    const first = await applicant.client.post<OrderDetail>('/api/orders', changeRequest('change_filing', subjectId));
    const second = await applicant.client.post('/api/orders', changeRequest('change_filing', subjectId));

    expect(noSubject.status).toBe(422);
    expect(noSubject.body.fields).toMatchObject([{ path: 'subjectId', code: 'FILING_SUBJECT_REQUIRED' }]);
    expect(noService.body.fields).toEqual([{ path: 'serviceIds', code: 'REQUIRED', message: '请选择需要变更的服务' }]);
    expect(otherService.body.fields).toMatchObject([{ path: 'serviceIds', code: 'FILING_SERVICE_NOT_FOUND' }]);
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ORDER_IN_FLIGHT');
  });

  it('should copy the record and refuse to change the subject number, the province, or a personal service principal through 变更服务', async () => {
    const { applicant, subjectId, serviceId, numbers } = await filed();
    const change = await applicant.client.post<OrderDetail>('/api/orders', changeRequest('change_filing', subjectId, [serviceId]));
    const copy = (await applicant.client.kit.order(change.body.id, true)).draft as Draft;

    const renumbered = await save(applicant, change.body.id, { subject: { ...copy.subject, subjectIcpNumber: '京ICP备2099000001号', regionCode: '310101' } });
    const renamed = await save(applicant, change.body.id, { subject: { ...copy.subject, name: '张三（变更）', regionCode: '110108' } });
    await applicant.client.post(`/api/orders/${change.body.id}/withdraw`);

    const service = await applicant.client.post<OrderDetail>('/api/orders', changeRequest('change_service', subjectId, [serviceId]));
    const serviceCopy = (await applicant.client.kit.order(service.body.id, true)).draft as Draft;
    const newPrincipal = await save(applicant, service.body.id, {
      websites: [{ ...serviceCopy.websites![0]!, principal: { ...serviceCopy.websites![0]!.principal, name: '李四', certificateNumber: freshPersonId() } }],
    });
    const subjectEdit = await save(applicant, service.body.id, { subject: { ...serviceCopy.subject, name: '张三（变更）' } });
    const renamedSite = await save(applicant, service.body.id, { websites: [{ ...serviceCopy.websites![0]!, name: '张三的新笔记' }] });

    expect(copy.subject).toMatchObject({ subjectIcpNumber: numbers[0], name: '张三', regionCode: '110105' });
    expect(copy.websites).toMatchObject([{ icpNumber: numbers[1], domains: ['example.com'] }]);
    expect(renumbered.status).toBe(422);
    expect(renumbered.body.fields).toEqual([
      { path: 'draft.subject.subjectIcpNumber', code: 'FIELD_LOCKED', message: '主体备案号不允许修改' },
      { path: 'draft.subject.regionCode', code: 'FIELD_LOCKED', message: '备案地区（省级）不允许修改；如没有您可选择的区域，请就近选择地区并在备注中说明情况' },
    ]);
    expect(renamed.status).toBe(200);
    expect(newPrincipal.status).toBe(422);
    expect(newPrincipal.body.fields).toEqual([
      {
        path: 'draft.websites.0.principal',
        code: 'PRINCIPAL_CHANGE_NEEDS_CHANGE_FILING',
        message: '个人备案时，服务负责人默认为主体负责人，网站/APP 变更办理不支持变更服务负责人；若需要变更服务负责人，请进行变更备案办理',
      },
    ]);
    expect(subjectEdit.body.fields).toEqual([
      { path: 'draft.subject.name', code: 'FIELD_LOCKED', message: '变更服务不修改主体信息；如需修改主体信息，请办理变更备案' },
    ]);
    expect(renamedSite.status).toBe(200);
  });

  it('should show 初审 the diff, text only the changed principal, check only the new face, and approve into a new version with the numbers kept', async () => {
    const { applicant, subjectId, serviceId, numbers, draft: filedDraft } = await filed();
    const change = await applicant.client.post<OrderDetail>('/api/orders', changeRequest('change_filing', subjectId, [serviceId]));
    const copy = (await applicant.client.kit.order(change.body.id, true)).draft as Draft;
    const newcomer = { name: '李四', certificateNumber: freshPersonId(), mobile: freshMobile(), email: 'lisi@example.com' };
    const site = { ...copy.websites![0]!, principal: { ...copy.websites![0]!.principal!, ...newcomer } };
    const media = await submittableMedia();
    const materials = [];
    for (const { kind, target } of filedDraft.materials!) {
      const file = await applicant.client.kit.upload(change.body.id, { kind: kind!, target: target!, contentType: 'image/jpeg' }, media.photo);
      materials.push({ kind, target, fileId: file.fileId });
    }
    expect((await save(applicant, change.body.id, { websites: [site], materials, agreements: filedDraft.agreements })).status).toBe(200);
    await applicant.client.kit.verifyMobile(change.body.id, 'subjectPrincipal', filedDraft.subjectPrincipal!.mobile!);
    await applicant.client.kit.verifyMobile(change.body.id, 'websites.0.principal', newcomer.mobile);
    const principals = await applicant.client.kit.ok<PrincipalStatus[]>('principals', 'GET', `/api/orders/${change.body.id}/principals`);
    const withoutFace = await applicant.client.post(`/api/orders/${change.body.id}/submit`, {});
    await faceCheckByInvitation(applicant, change.body.id, 'websites.0.principal');
    await applicant.client.kit.submit(change.body.id);
    await w.drain();

    const smsToSubject = () => reviewer.ok<unknown[]>('SMS', 'POST', '/api/regulator-sim/sms/search', { mobile: filedDraft.subjectPrincipal!.mobile });
    const textedForTheFiling = await smsToSubject();
    const review = await reviewer.ok<ReviewOrderDetail>('review', 'GET', `/api/review/orders/${change.body.id}`);
    await reviewer.confirmFaceChecks(change.body.id);
    await reviewer.ok('初审 approval', 'POST', `/api/review/orders/${change.body.id}/approve`, {});
    await w.advance(SETTLE_MS);
    const toSubject = await smsToSubject();
    const toNewcomer = await reviewer.ok<{ text: string }[]>('SMS', 'POST', '/api/regulator-sim/sms/search', { mobile: newcomer.mobile });
    const code = /验证码为 (\d{6})/.exec(toNewcomer.at(-1)?.text ?? '')?.[1];
    await applicant.client.kit.ok('MIIT SMS', 'POST', '/api/regulator-sim/sms-verify', { mobile: newcomer.mobile, code, certLastSix: PERSON_ID_LAST_SIX });
    await w.advance(SETTLE_MS);
    await reviewer.ok('管局', 'POST', `/api/regulator-sim/orders/${change.body.id}/script`, { outcome: 'approve', afterWorkingDays: 0 });
    await w.advance(SETTLE_MS);

    const progress = await applicant.client.kit.progress(change.body.id);
    const subject = await store.subjectRef(t.db.manager, subjectId);
    const [service] = await store.servicesOfSubjects(t.db.manager, [subjectId]);
    const versions = await store.versionsOfSubject(t.db.manager, subjectId);
    const drafts = t.app.get(OrderDraftStore);

    expect(principals.map((p) => [p.paths, p.inRecord])).toEqual([
      [['subjectPrincipal'], true],
      [['websites.0.principal'], false],
    ]);
    expect(withoutFace.status).toBe(422);
    expect(withoutFace.body.fields).toEqual([expect.objectContaining({ path: 'websites.0.principal', code: 'FACE_CHECK_REQUIRED' })]);
    expect(review.recordChanges).toEqual(
      expect.arrayContaining([
        { path: 'websites.0.principal.name', label: expect.stringContaining('姓名'), before: '张三', after: '李四' },
        expect.objectContaining({ path: 'websites.0.principal.mobile', before: expect.stringContaining('*'), after: expect.stringContaining('*') }),
      ]),
    );
    expect(review.recordChanges!.every((c) => c.path.startsWith('websites.0.principal'))).toBe(true);
    expect(textedForTheFiling).toHaveLength(1);
    expect(toSubject).toEqual(textedForTheFiling);
    expect(toNewcomer).toHaveLength(1);
    expect(progress.status).toBe('approved');
    expect(subject).toMatchObject({ subjectIcpNumber: numbers[0], state: 'active' });
    expect(service).toMatchObject({ serviceIcpNumber: numbers[1], seq: 1, state: 'active' });
    expect(drafts.unseal(service!.principal, 'websites.0.principal')).toMatchObject(newcomer);
    expect(versions.map((v) => v.kind)).toEqual(['first_filing', 'change_filing']);
    const [before, after] = [JSON.parse(versions[1]!.before!), JSON.parse(versions[1]!.after)];
    expect(drafts.unseal(before.services[0].principal, 'websites.0.principal')).toMatchObject({ name: '张三' });
    expect(drafts.unseal(after.services[0].principal, 'websites.0.principal')).toMatchObject({ name: '李四' });
    expect(after.services[0].serviceIcpNumber).toBe(numbers[1]);
  });
});
