import { fileHere } from '../support/filing-record.fixtures';
import { devLogin, useTestApp } from '../support/test-app';
import type { Client } from '../regulator/workflow.support';

const PERSONAL = { regionCode: '110105', subjectNature: 'personal', certificateType: 'resident_id', subjectName: '李四', serviceType: 'website' } as const;
// Valid GB 11643 numbers, one per subject of this file.
const ID_HOLDER = '110105199001011232';
const ID_OTHER = '110105199102022344';
const ID_CANCELLED = '110105199203033456';
const ID_DEPARTED = '110105199304044568';
const ID_SHELL = '11010519940505567X';

describe('filing type verification from the record (验证备案类型)', () => {
  const t = useTestApp();
  let holder: { client: Client; user: { id: string } };
  let otherAccount: { client: Client; user: { id: string } };
  let stranger: Client;

  beforeAll(async () => {
    holder = await devLogin(t.url, 'record-holder');
    otherAccount = await devLogin(t.url, 'record-holder-2');
    stranger = (await devLogin(t.url, 'record-stranger')).client;
  });

  const verify = (client: Client, certificateNumber: string, domain: string) =>
    client.post('/api/filing-type/verify', { ...PERSONAL, certificateNumber, domain });

  it('should answer already_filed with the numbers and the subject in 我的备案 when the holder checks a domain it holds here', async () => {
    const filed = await fileHere(t, {
      ownerId: holder.user.id,
      certificateNumber: ID_HOLDER,
      subjectIcpNumber: '京ICP备2024000101号',
      services: [{ name: 'held-here.cn' }],
    });
    const res = await verify(holder.client, ID_HOLDER, 'HELD-HERE。cn');
    expect(res.body).toEqual({
      outcome: 'already_filed',
      reason: expect.stringContaining('我的备案'),
      subjectIcpNumber: '京ICP备2024000101号',
      serviceIcpNumber: '京ICP备2024000101号-1',
      subjectId: filed.subjectId,
    });
    expect(res.body.reason).toContain('京ICP备2024000101号-1');
    const order = await holder.client.post('/api/orders', {
      kind: 'first_filing',
      subjectType: 'personal',
      serviceType: 'website',
      verification: { ...PERSONAL, certificateNumber: ID_HOLDER, domain: 'held-here.cn' },
    });
    expect(order.status).toBe(422);
    expect(order.body.fields).toEqual([{ path: 'kind', code: 'FILING_KIND_MISMATCH', message: res.body.reason }]);
  });

  it('should decide add_service_local with the subject when the holder checks a new domain', async () => {
    const res = await verify(holder.client, ID_HOLDER, 'second-site.cn');
    expect(res.body).toMatchObject({ outcome: 'new_order', kind: 'add_service_local', subjectIcpNumber: '京ICP备2024000101号', subjectId: expect.any(String) });
  });

  it('should not point into another account when the same subject checks its domain from there', async () => {
    const res = await verify(otherAccount.client, ID_HOLDER, 'held-here.cn');
    expect(res.body).toEqual({
      outcome: 'already_filed',
      reason: expect.stringContaining('其他账号'),
      subjectIcpNumber: '京ICP备2024000101号',
      serviceIcpNumber: '京ICP备2024000101号-1',
    });
    const other = await verify(otherAccount.client, ID_HOLDER, 'third-site.cn');
    expect(other.body).toEqual({ outcome: 'other_account', reason: expect.stringContaining('其他账号'), subjectIcpNumber: '京ICP备2024000101号' });
  });

  it('should answer filed_by_other when another subject checks a domain held here', async () => {
    const res = await verify(stranger, ID_OTHER, 'held-here.cn');
    expect(res.body).toEqual({ outcome: 'filed_by_other', reason: expect.stringContaining('该备案非您本人提交') });
  });

  it('should treat a cancelled subject as never filed when its holder or anyone else checks again', async () => {
    await fileHere(t, {
      ownerId: holder.user.id,
      certificateNumber: ID_CANCELLED,
      subjectIcpNumber: '京ICP备2024000102号',
      state: 'cancelled',
      services: [{ name: 'cancelled-site.cn', state: 'cancelled' }],
    });
    expect((await verify(holder.client, ID_CANCELLED, 'cancelled-site.cn')).body).toMatchObject({ outcome: 'new_order', kind: 'first_filing' });
    expect((await verify(stranger, ID_OTHER, 'cancelled-site.cn')).body).toMatchObject({ outcome: 'new_order', kind: 'first_filing' });
  });

  it('should send a departed subject to 接入 or 新增服务（外平台）when it is no longer with us', async () => {
    await fileHere(t, {
      ownerId: holder.user.id,
      certificateNumber: ID_DEPARTED,
      subjectIcpNumber: '京ICP备2024000103号',
      state: 'removed_here',
      services: [{ name: 'departed-site.cn', state: 'access_cancelled' }],
    });
    const back = await verify(holder.client, ID_DEPARTED, 'departed-site.cn');
    expect(back.body).toEqual({
      outcome: 'new_order',
      kind: 'access_filing',
      reason: expect.stringContaining('其他接入商'),
      subjectIcpNumber: '京ICP备2024000103号',
      serviceIcpNumber: '京ICP备2024000103号-1',
    });
    const added = await verify(holder.client, ID_DEPARTED, 'departed-new.cn');
    expect(added.body).toMatchObject({ outcome: 'new_order', kind: 'add_service_remote', subjectIcpNumber: '京ICP备2024000103号' });
    expect(added.body.subjectId).toBeUndefined();
  });

  it('should offer 新增服务（本平台）for a 空壳 subject when it is still with us', async () => {
    const shell = await fileHere(t, { ownerId: holder.user.id, certificateNumber: ID_SHELL, subjectIcpNumber: '京ICP备2024000104号', state: 'shell' });
    const res = await verify(holder.client, ID_SHELL, 'revived-site.cn');
    expect(res.body).toMatchObject({ outcome: 'new_order', kind: 'add_service_local', subjectId: shell.subjectId });
  });
});
