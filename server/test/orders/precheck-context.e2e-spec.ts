import type { Finding, PrecheckResponse } from '@beian/shared';
import { personalDraft, type ApiTestKit } from '@beian/shared/testing';
import { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import { workflow } from '../regulator/workflow.support';
import { approveFirstFiling, freshMobile, submitFiling, withFreshPerson } from '../support/filing-flow';
import { devLogin, useTestApp } from '../support/test-app';

/** Orders driven through submission or approval first: slower than one request on a busy machine. */
const FLOW_TIMEOUT = 120_000;

const at = (findings: Finding[], code: string) => findings.filter((f) => f.code === code).map((f) => `${f.path}:${f.severity}`);

describe('the pre-check sees other orders through the API', () => {
  const t = useTestApp();
  const w = workflow(t);
  let reviewer: ApiTestKit;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-precheck')).client.kit;
  });

  /** A new applicant's order of a new person whose principals all use `mobile`: its pre-check findings. */
  async function findingsOfNewPerson(mobile: string): Promise<Finding[]> {
    const { client } = await devLogin(t.url, `precheck-${mobile}`);
    const order = await client.kit.createOrder();
    const draft = withFreshPerson(personalDraft());
    const withMobile = {
      ...draft,
      subjectPrincipal: { ...draft.subjectPrincipal, mobile },
      websites: draft.websites!.map((site) => ({ ...site, principal: { ...site.principal, mobile } })),
    };
    await client.kit.saveDraft(order.id, { version: order.version, draft: withMobile });
    return (await client.get<PrecheckResponse>(`/api/orders/${order.id}/precheck`)).body.findings;
  }

  it(
    'should refuse a mobile proven for another subject’s order in flight, on every principal who uses it',
    async () => {
      const other = await submitFiling(t, w);
      const taken = other.draft.subjectPrincipal!.mobile!;

      const findings = await findingsOfNewPerson(taken);
      const own = (await other.applicant.client.get<PrecheckResponse>(`/api/orders/${other.orderId}/precheck`)).body.findings;

      expect(at(findings, 'MOBILE_USED_BY_OTHER_SUBJECT')).toEqual(['subjectPrincipal.mobile:error', 'websites.0.principal.mobile:error']);
      expect(findings[0]?.source).toContain('一个手机号只属于一个主体');
      expect(at(own, 'MOBILE_USED_BY_OTHER_SUBJECT')).toEqual([]);
      expect(at(await findingsOfNewPerson(freshMobile()), 'MOBILE_USED_BY_OTHER_SUBJECT')).toEqual([]);
    },
    FLOW_TIMEOUT,
  );

  it(
    'should refuse a mobile of an approved filing’s subject, and free it when that order is withdrawn before approval',
    async () => {
      const approved = await approveFirstFiling(t, w, reviewer);
      const withdrawn = await submitFiling(t, w);
      await withdrawn.applicant.client.post(`/api/orders/${withdrawn.orderId}/withdraw`);

      expect(at(await findingsOfNewPerson(approved.draft.subjectPrincipal!.mobile!), 'MOBILE_USED_BY_OTHER_SUBJECT')).toHaveLength(2);
      expect(at(await findingsOfNewPerson(withdrawn.draft.subjectPrincipal!.mobile!), 'MOBILE_USED_BY_OTHER_SUBJECT')).toEqual([]);
    },
    FLOW_TIMEOUT,
  );

  it(
    'should warn a personal filer whose mobile is not the one the account proved on its approved filing',
    async () => {
      const first = await approveFirstFiling(t, w, reviewer);
      const { subjectId } = await t.db.manager.findOneByOrFail(FilingOrderEntity, { id: first.orderId });
      const client = first.applicant.client;
      const order = await client.kit.createOrder({ kind: 'add_service_local', subjectType: 'personal', serviceType: 'website', subjectId: subjectId! });
      const precheckWith = async (mobile: string, version: number) => {
        await client.kit.saveDraft(order.id, { version, draft: { subjectPrincipal: { ...first.draft.subjectPrincipal, mobile } } });
        return (await client.get<PrecheckResponse>(`/api/orders/${order.id}/precheck`)).body.findings;
      };

      const changed = await precheckWith(freshMobile(), order.version);
      const same = await precheckWith(first.draft.subjectPrincipal!.mobile!, order.version + 1);

      expect(at(changed, 'PERSONAL_MOBILE_NOT_ACCOUNT')).toEqual(['subjectPrincipal.mobile:warning']);
      expect(at(same, 'PERSONAL_MOBILE_NOT_ACCOUNT')).toEqual([]);
    },
    FLOW_TIMEOUT,
  );
});
