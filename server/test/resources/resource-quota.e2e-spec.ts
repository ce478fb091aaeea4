import { RESOURCE_LIMITS } from '@beian/shared';
import { website, withFreshPerson, personalDraft } from '@beian/shared/testing';
import { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import { approveSubmitted, submitFiling } from '../support/filing-flow';
import { submittableMedia } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';
import { workflow, type Client } from '../regulator/workflow.support';
import { cvm, ineligibilityOf, inventory } from './resource.support';

describe('cloud resources: the services-per-instance quota counts the account’s other orders', () => {
  const t = useTestApp();
  const w = workflow(t);
  let admin: Client;

  beforeAll(async () => {
    admin = (await devLogin(t.url, '管理员-quota')).client;
  });

  it('should count a submitted and then an approved service on the instance, and refuse a 新增网站 over the quota on its instance field', async () => {
    const applicant = await devLogin(t.url, 'quota-owner');
    const staff = inventory(admin, applicant.user.id);
    await staff.register('ins-quota-4', cvm(t, { filedServices: RESOURCE_LIMITS.SERVICES_PER_INSTANCE.value - 1 }));
    await staff.register('ins-quota-free', cvm(t));
    expect(await ineligibilityOf(applicant.client, 'ins-quota-4')).toEqual([]);

    const first = await submitFiling(t, w, {
      applicant,
      draft: withFreshPerson(
        personalDraft({ websites: [website({ domains: ['quota-first.cn'], resource: { type: 'instance', instanceId: 'ins-quota-4' } })] }),
      ),
    });
    expect(await ineligibilityOf(applicant.client, 'ins-quota-4')).toEqual(['at_quota']);

    await approveSubmitted(w, applicant, first.orderId, first.draft, admin.kit);
    expect((await applicant.client.get(`/api/orders/${first.orderId}`)).body.status).toBe('approved');
    expect(await ineligibilityOf(applicant.client, 'ins-quota-4')).toEqual(['at_quota']);

    const subjectId = (await t.db.manager.findOneByOrFail(FilingOrderEntity, { id: first.orderId })).subjectId!;
    const added = await applicant.client.kit.createOrder({ kind: 'add_service_local', subjectType: 'personal', serviceType: 'website', subjectId });
    const { subject: _, ...rest } = first.draft;
    const more = {
      ...rest,
      websites: [
        website({
          name: '第二个网站',
          domains: ['quota-second.cn'],
          resource: { type: 'instance', instanceId: 'ins-quota-4' },
          principal: first.draft.websites![0]!.principal,
        }),
      ],
    };
    const ready = await applicant.client.kit.makeSubmittable(added.id, more, await submittableMedia());

    const refused = await applicant.client.post(`/api/orders/${added.id}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.body.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'websites.0.resource.instanceId',
          code: 'RESOURCE_INELIGIBLE',
          message:
            '云资源 ins-quota-4 不能用于备案：该服务器已有 5 个网站/APP 已备案或正在备案，本订单再用于 1 个将超过每台服务器 5 个的上限，请改选其他云资源',
        }),
      ]),
    );

    await applicant.client.patch(`/api/orders/${added.id}/draft`, {
      version: (await applicant.client.kit.order(added.id)).version,
      draft: { websites: [{ ...ready.websites![0], resource: { type: 'instance', instanceId: 'ins-quota-free' } }] },
    });
    expect((await applicant.client.post(`/api/orders/${added.id}/submit`)).status).toBe(200);
  });

  it('should give the quota back when a submitted order is withdrawn', async () => {
    const applicant = await devLogin(t.url, 'quota-withdrawer');
    await inventory(admin, applicant.user.id).register('ins-quota-w', cvm(t, { filedServices: RESOURCE_LIMITS.SERVICES_PER_INSTANCE.value - 1 }));
    const filed = await submitFiling(t, w, {
      applicant,
      draft: withFreshPerson(personalDraft({ websites: [website({ resource: { type: 'instance', instanceId: 'ins-quota-w' } })] })),
    });
    expect(await ineligibilityOf(applicant.client, 'ins-quota-w')).toEqual(['at_quota']);

    expect((await applicant.client.post(`/api/orders/${filed.orderId}/withdraw`)).status).toBe(200);

    expect(await ineligibilityOf(applicant.client, 'ins-quota-w')).toEqual([]);
  });
});
