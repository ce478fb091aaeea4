import { PERSON_ID, personalDraft, principal, website } from '@beian/shared/testing';
import { OrderDraftSectionEntity } from '../../src/order-core/order-draft-section.entity';
import { freshMobile } from '../support/filing-flow';
import { submittableMedia } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';

const PERSONAL = { regionCode: '110105', subjectNature: 'personal', certificateType: 'resident_id', subjectName: '张三', serviceType: 'website' } as const;
const PASSWORD = 'Miit-8812';

describe('接入备案 submitted with its numbers', () => {
  const t = useTestApp();

  it('should refuse the submission without the numbers and accept it with them when the subject filed the domain elsewhere', async () => {
    const reviewer = (await devLogin(t.url, '审核员-access')).client;
    await reviewer.post('/api/regulator-sim/registry', {
      certificateNumber: PERSON_ID,
      subjectIcpNumber: '粤ICP备2020000301号',
      serviceType: 'website',
      service: 'access-me.cn',
      serviceIcpNumber: '粤ICP备2020000301号-2',
    });
    const { client } = await devLogin(t.url, 'access-applicant');
    const verification = { ...PERSONAL, certificateNumber: PERSON_ID, domain: 'access-me.cn' };
    const decision = (await client.post('/api/filing-type/verify', verification)).body;
    expect(decision).toMatchObject({ kind: 'access_filing', subjectIcpNumber: '粤ICP备2020000301号', serviceIcpNumber: '粤ICP备2020000301号-2' });
    const order = (await client.post('/api/orders', { kind: 'access_filing', subjectType: 'personal', serviceType: 'website', verification })).body;

    const mobile = freshMobile();
    const base = personalDraft({
      subjectPrincipal: { validFrom: '2020-01-01', validTo: '2040-01-01', mobile, email: 'zhangsan@example.com' },
      websites: [website({ domains: ['access-me.cn'], principal: principal({ mobile }) })],
    });
    await client.kit.makeSubmittable(order.id, base, await submittableMedia());
    const refused = await client.post(`/api/orders/${order.id}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.body.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['subject.subjectIcpNumber', 'subject.filingPassword', 'websites.0.icpNumber']),
    );

    const { version } = (await client.get(`/api/orders/${order.id}`)).body;
    const saved = await client.patch(`/api/orders/${order.id}/draft`, {
      version,
      draft: {
        subject: { ...base.subject, subjectIcpNumber: '粤icp备２０２００００３０１号', filingPassword: PASSWORD },
        websites: [{ ...base.websites![0], icpNumber: '粤ICP备2020000301号－2' }],
      },
    });
    expect(saved.status).toBe(200);
    const submitted = await client.post(`/api/orders/${order.id}/submit`);
    expect(submitted.status).toBe(200);

    const shown = (await client.get(`/api/orders/${order.id}`)).body.draft;
    expect(shown.subject).toMatchObject({ subjectIcpNumber: '粤ICP备2020000301号', filingPassword: '******' });
    expect(shown.websites[0].icpNumber).toBe('粤ICP备2020000301号-2');
    expect((await client.get(`/api/orders/${order.id}?reveal=true`)).body.draft.subject.filingPassword).toBe(PASSWORD);
    const stored = await t.db.manager.findOneByOrFail(OrderDraftSectionEntity, { orderId: order.id, section: 'subject' });
    expect(stored.data).not.toContain(PASSWORD);
  });
});
