import { CANCELLATION_NOTICES, SHELL_CANCELLATION_TEXT, type CancellationOptions, type CancellationView } from '@beian/shared';
import type { ApiTestKit } from '@beian/shared/testing';
import { FilingAccessRecordEntity } from '../../src/filing-record/filing-access-record.entity';
import { FilingRecordStore } from '../../src/filing-record/filing-record.store';
import { workflow } from '../regulator/workflow.support';
import { confirmBySms, devMail, filedSubject, startCancellation, throughRegulator, type FiledSubject } from '../support/cancellation-flow';
import { devLogin, useTestApp } from '../support/test-app';

describe('cancellations: 注销主体 / 注销服务 / 批量 / 取消接入 from submission to the record', () => {
  const t = useTestApp();
  const w = workflow(t);
  let reviewer: ApiTestKit;
  let store: FilingRecordStore;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-cancels')).client.kit;
    store = t.app.get(FilingRecordStore);
  });

  const options = async (filed: FiledSubject) =>
    (await filed.applicant.client.get<CancellationOptions>(`/api/filings/subjects/${filed.subjectId}/cancellation`)).body;
  const services = (filed: FiledSubject) => store.servicesOfSubjects(t.db.manager, [filed.subjectId]);
  const declaration = (filed: FiledSubject) => `确认注销${filed.subjectName}的所选网站/APP`;

  /** Confirmed, submitted (straight to the 管局) and answered by the simulated MIIT and 管局. */
  async function cancelled(filed: FiledSubject, orderId: string, typed: string | null) {
    expect((await confirmBySms(filed, orderId, typed)).status).toBe(200);
    expect((await filed.applicant.client.post(`/api/orders/${orderId}/submit`)).status).toBe(200);
    await w.drain();
    return throughRegulator(w, filed, reviewer, orderId);
  }

  it('should cancel one of two services without 初审, text its principal, refuse a withdrawal at the 管局 and cancel only its number', async () => {
    const filed = await filedSubject(t, w, reviewer, 2);
    const [first, second] = filed.serviceIds;
    const { orderId, view } = await startCancellation(filed, 'cancel_service', [first!]);

    const early = await filed.applicant.client.post(`/api/orders/${orderId}/submit`);
    const mistyped = await filed.applicant.client.post(`/api/orders/${orderId}/cancellation/verify`, {
      channel: 'sms',
      code: '000000',
      declaration: '确认注销',
    });
    expect((await confirmBySms(filed, orderId, declaration(filed))).body.verified).toBe(true);
    expect((await filed.applicant.client.post(`/api/orders/${orderId}/submit`)).status).toBe(200);
    await w.drain();
    const atRegulator = await filed.applicant.client.kit.progress(orderId);
    const withdrawal = await filed.applicant.client.post(`/api/orders/${orderId}/withdraw`);
    const miitSms = await reviewer.call<{ text: string }[]>('POST', '/api/regulator-sim/sms/search', { mobile: filed.mobile });
    const approved = await throughRegulator(w, filed, reviewer, orderId);

    expect(view).toMatchObject({ kind: 'cancel_service', declaration: declaration(filed), coversAllServices: false, verified: false });
    expect(view.notices).toEqual([CANCELLATION_NOTICES.notWithdrawable, CANCELLATION_NOTICES.timing]);
    expect(view.recipients).toEqual([
      { channel: 'sms', addressMasked: `${filed.mobile.slice(0, 3)}****${filed.mobile.slice(7)}` },
      { channel: 'email', addressMasked: 'z***@example.com' },
    ]);
    expect(early.status).toBe(422);
    expect(early.body.fields.map((f: { path: string }) => f.path)).toEqual(['cancellation.declaration', 'cancellation.code']);
    expect(mistyped.status).toBe(422);
    expect(mistyped.body.fields).toEqual([{ path: 'declaration', code: 'DECLARATION_MISMATCH', message: `请准确输入声明：${declaration(filed)}` }]);
    expect(atRegulator.status).toBe('sms_verification');
    expect(withdrawal.status).toBe(409);
    expect(withdrawal.body.message).toBe('申请已提交至管局，无法撤回，请等待管局审核结果');
    expect(miitSms.body.at(-1)?.text).toContain('验证码为');
    expect(approved.status).toBe('approved');
    const after = await services(filed);
    expect(after.map((s) => [s.id, s.state])).toEqual([
      [first, 'cancelled'],
      [second, 'active'],
    ]);
    expect(await t.db.manager.findOneByOrFail(FilingAccessRecordEntity, { serviceId: first! })).toMatchObject({ endedAt: t.clock.now() });
    expect(await store.subjectRef(t.db.manager, filed.subjectId)).toMatchObject({ state: 'active', maxServiceSeq: 2 });
    expect((await store.versionOfOrder(t.db.manager, orderId))?.kind).toBe('cancel_service');
  });

  it('should warn that the last service leaves a 空壳主体, make the subject 空壳 and offer only the offline procedure', async () => {
    const filed = await filedSubject(t, w, reviewer, 1);
    const { orderId, view } = await startCancellation(filed, 'cancel_service', filed.serviceIds);

    const approved = await cancelled(filed, orderId, declaration(filed));
    const shell = await options(filed);
    const again = await filed.applicant.client.post('/api/orders', {
      kind: 'cancel_subject',
      subjectType: 'personal',
      serviceType: 'website',
      subjectId: filed.subjectId,
    });

    expect(view.coversAllServices).toBe(true);
    expect(view.notices[0]).toBe(CANCELLATION_NOTICES.shellWarning);
    expect(approved.status).toBe('approved');
    expect(await store.subjectRef(t.db.manager, filed.subjectId)).toMatchObject({ state: 'shell', maxServiceSeq: 1 });
    expect(shell.shell).toBe(true);
    expect(shell.actions.find((a) => a.kind === 'cancel_subject')).toEqual({
      kind: 'cancel_subject',
      available: false,
      reason: '该主体为空壳主体，无法在线注销主体，请按页面说明向备案所在地通信管理局线下申请注销',
    });
    expect(shell.services).toEqual([]);
    expect(shell.shellGuidance).toMatchObject({ refile: SHELL_CANCELLATION_TEXT.refile, own: null });
    expect(shell.shellGuidance!.provinces.map((p) => p.province)).toEqual(['广西', '河南', '浙江', '山东']);
    expect(shell.shellGuidance!.provinces[3]!.byPost).toMatchObject({
      phone: '0531-82092828',
      address: '山东省济南市经十一路40号一楼备案办公室（签收人：备案办公室）',
    });
    expect(again.status).toBe(422);
    expect(again.body.fields[0].message).toBe('该主体空壳主体，不能办理「注销主体」');
  });

  it('should cancel the subject and every service with it, texting the subject principal', async () => {
    const filed = await filedSubject(t, w, reviewer, 2);
    const { orderId, view } = await startCancellation(filed, 'cancel_subject', []);

    const approved = await cancelled(filed, orderId, `确认注销主体${filed.subjectName}`);

    expect(view.services.map((s) => s.id)).toEqual(filed.serviceIds);
    expect(view.declaration).toBe(`确认注销主体${filed.subjectName}`);
    expect(approved.status).toBe('approved');
    expect((await services(filed)).map((s) => s.state)).toEqual(['cancelled', 'cancelled']);
    expect(await store.subjectRef(t.db.manager, filed.subjectId)).toMatchObject({ state: 'cancelled', subjectIcpNumber: filed.numbers[0] });
  });

  it('should end only our access when 批量取消接入 takes every service, with no MIIT SMS, and remove the subject from this platform', async () => {
    const filed = await filedSubject(t, w, reviewer, 2);
    const { orderId, view } = await startCancellation(filed, 'cancel_access_batch', filed.serviceIds);
    const texted = (await reviewer.call<unknown[]>('POST', '/api/regulator-sim/sms/search', { mobile: filed.mobile })).body.length;

    expect((await confirmBySms(filed, orderId, null)).status).toBe(200);
    expect((await filed.applicant.client.post(`/api/orders/${orderId}/submit`)).status).toBe(200);
    await w.drain();
    const atRegulator = await filed.applicant.client.kit.progress(orderId);
    const approved = await throughRegulator(w, filed, reviewer, orderId);
    const listed = (await filed.applicant.client.get<{ id: string }[]>('/api/filings/subjects')).body;

    expect(view.declaration).toBeNull();
    expect(view.notices).toEqual([
      CANCELLATION_NOTICES.noProvider,
      CANCELLATION_NOTICES.allAccessCancelled,
      CANCELLATION_NOTICES.accessNotWithdrawable,
      CANCELLATION_NOTICES.timing,
    ]);
    expect(atRegulator.status).toBe('regulator_review');
    expect((await reviewer.call<unknown[]>('POST', '/api/regulator-sim/sms/search', { mobile: filed.mobile })).body.length).toBe(texted);
    expect(approved.status).toBe('approved');
    const after = await services(filed);
    expect(after.map((s) => [s.state, s.serviceIcpNumber])).toEqual([
      ['access_cancelled', filed.numbers[1]],
      ['access_cancelled', filed.numbers[2]],
    ]);
    expect(await store.subjectRef(t.db.manager, filed.subjectId)).toMatchObject({ state: 'removed_here' });
    expect(listed.map((s: { id: string }) => s.id)).not.toContain(filed.subjectId);
  });

  it('should keep the subject when 取消接入 takes one of two services, confirmed by a code in the dev mailbox', async () => {
    const filed = await filedSubject(t, w, reviewer, 2);
    const { orderId, view } = await startCancellation(filed, 'cancel_access', [filed.serviceIds[1]!]);
    const client = filed.applicant.client;

    expect((await client.post(`/api/orders/${orderId}/cancellation/codes`, { channel: 'email' })).status).toBe(201);
    const [mail] = await devMail(client.kit, 'zhangsan@example.com');
    expect(mail).toMatchObject({ email: 'zhangsan@example.com', subject: '【备案】取消接入验证码' });
    expect((await client.post(`/api/orders/${orderId}/cancellation/verify`, { channel: 'email', code: mail!.code })).body.verified).toBe(true);
    expect((await client.post(`/api/orders/${orderId}/submit`)).status).toBe(200);
    await w.drain();
    const approved = await throughRegulator(w, filed, reviewer, orderId);

    expect(view.notices).toEqual([CANCELLATION_NOTICES.noProvider, CANCELLATION_NOTICES.accessNotWithdrawable, CANCELLATION_NOTICES.timing]);
    expect(approved.status).toBe('approved');
    expect((await services(filed)).map((s) => s.state)).toEqual(['active', 'access_cancelled']);
    expect(await store.subjectRef(t.db.manager, filed.subjectId)).toMatchObject({ state: 'active' });
  });

  it('should leave the record as it was when the 管局 rejects a 注销服务', async () => {
    const filed = await filedSubject(t, w, reviewer, 1);
    const { orderId } = await startCancellation(filed, 'cancel_service', filed.serviceIds);
    expect((await confirmBySms(filed, orderId, declaration(filed))).status).toBe(200);
    await filed.applicant.client.post(`/api/orders/${orderId}/submit`);
    await w.drain();

    const rejected = await throughRegulator(w, filed, reviewer, orderId, 'reject');

    expect(rejected.status).toBe('regulator_rejected');
    expect((await services(filed)).map((s) => s.state)).toEqual(['active']);
    expect(await store.subjectRef(t.db.manager, filed.subjectId)).toMatchObject({ state: 'active' });
  });

  it('should refuse a wrong selection, another account and a second order, each with its reason', async () => {
    const filed = await filedSubject(t, w, reviewer, 2);
    const other = await filedSubject(t, w, reviewer, 1);
    const { orderId } = await startCancellation(filed, 'cancel_service', [filed.serviceIds[0]!]);
    const client = filed.applicant.client;

    const two = await client.put(`/api/orders/${orderId}/cancellation`, { serviceIds: filed.serviceIds });
    const foreign = await client.put(`/api/orders/${orderId}/cancellation`, { serviceIds: other.serviceIds });
    const none = await client.put(`/api/orders/${orderId}/cancellation`, { serviceIds: [] });
    const notMine = await other.applicant.client.post(`/api/orders/${orderId}/cancellation/codes`, { channel: 'sms' });
    const notMySubject = await other.applicant.client.get(`/api/filings/subjects/${filed.subjectId}/cancellation`);
    const busy = await options(filed);

    expect(two.body.fields).toEqual([{ path: 'serviceIds', code: 'TOO_MANY', message: '一次只能办理一个网站/APP，多个请使用批量办理' }]);
    expect(foreign.body.fields).toEqual([{ path: 'serviceIds', code: 'SERVICE_NOT_ACTIVE', message: '所选网站/APP 不在该主体下或已不在本平台，请重新选择' }]);
    expect(none.body.fields).toEqual([{ path: 'serviceIds', code: 'REQUIRED', message: '请选择需要办理的网站/APP' }]);
    expect(notMine.status).toBe(404);
    expect(notMySubject.status).toBe(404);
    expect(busy.actions.every((a) => !a.available && a.reason === '有进行中的「注销服务」订单，请等待订单完成或撤销后再办理')).toBe(true);
  });

  it('should count wrong codes, refuse a resend within a minute and confirm with the right one', async () => {
    const filed = await filedSubject(t, w, reviewer, 1);
    const { orderId } = await startCancellation(filed, 'cancel_access', filed.serviceIds);
    const client = filed.applicant.client;

    const sent = await client.post(`/api/orders/${orderId}/cancellation/codes`, { channel: 'sms' });
    const tooSoon = await client.post(`/api/orders/${orderId}/cancellation/codes`, { channel: 'sms' });
    const wrong = await client.post(`/api/orders/${orderId}/cancellation/verify`, {
      channel: 'sms',
      code: '999999' === (await client.kit.devSmsOutbox(filed.mobile))[0]!.code ? '888888' : '999999',
    });
    const right = await client.post<CancellationView>(`/api/orders/${orderId}/cancellation/verify`, {
      channel: 'sms',
      code: (await client.kit.devSmsOutbox(filed.mobile))[0]!.code,
    });
    const reused = await client.post(`/api/orders/${orderId}/cancellation/verify`, {
      channel: 'sms',
      code: (await client.kit.devSmsOutbox(filed.mobile))[0]!.code,
    });

    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ channel: 'sms', addressMasked: `${filed.mobile.slice(0, 3)}****${filed.mobile.slice(7)}` });
    expect((await client.kit.devSmsOutbox(filed.mobile))[0]!.content).toMatch(/^您的备案验证码为\d{6}，5分钟内有效/);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.fields[0].message).toMatch(/^验证码已发送，请\d+秒后再重新获取$/);
    expect(wrong.body.fields).toEqual([{ path: 'code', code: 'CODE_WRONG', message: '验证码错误，请重新输入（还可尝试4次）' }]);
    expect(right.body.verified).toBe(true);
    expect(reused.body.fields[0].code).toBe('CODE_EXPIRED');
  });
});
