import { RESOURCE_LIMITS } from '@beian/shared';
import { personalDraft, website, withFreshPerson } from '@beian/shared/testing';
import { ResourceUseEntity } from '../../src/resources/resource-use.entity';
import { BackfillApprovedResourceUses1796040000000 as BackfillMysql } from '../../src/platform/database/migrations/mysql/1796040000000-BackfillApprovedResourceUses';
import { BackfillApprovedResourceUses1796040000000 as BackfillSqlite } from '../../src/platform/database/migrations/sqlite/1796040000000-BackfillApprovedResourceUses';
import { cancelAll, filedSubject } from '../support/cancellation-flow';
import { devLogin, useTestApp } from '../support/test-app';
import { workflow, type Client } from '../regulator/workflow.support';
import { cvm, ineligibilityOf, inventory } from './resource.support';

const FLOW_TIMEOUT = 180_000;

describe('cloud resources: an instance’s place comes back when its approved service ends, and older approvals count', () => {
  const t = useTestApp();
  const w = workflow(t);
  let admin: Client;

  beforeAll(async () => {
    admin = (await devLogin(t.url, '管理员-quota-release')).client;
  });

  /** An applicant whose instance has one place left, and a subject approved with one website on it: the instance is full. */
  async function fullInstance(name: string) {
    const applicant = await devLogin(t.url, `quota-release-${name}`);
    const instanceId = `ins-release-${name}`;
    await inventory(admin, applicant.user.id).register(instanceId, cvm(t, { filedServices: RESOURCE_LIMITS.SERVICES_PER_INSTANCE.value - 1 }));
    const draft = withFreshPerson(
      personalDraft({ websites: [website({ domains: [`Release-${name}.example.cn`], resource: { type: 'instance', instanceId } })] }),
    );
    const subject = await filedSubject(t, w, admin.kit, 1, draft, applicant);
    return { applicant, instanceId, subject };
  }

  const ENDED_BY = { cancel_service: '注销服务', cancel_subject: '注销主体', cancel_access: '取消接入' } as const;

  for (const kind of ['cancel_service', 'cancel_subject', 'cancel_access'] as const) {
    it(
      `should give the instance's place back when its approved service is ended by ${ENDED_BY[kind]}`,
      async () => {
        const { applicant, instanceId, subject } = await fullInstance(kind.replace('_', '-'));
        expect(await ineligibilityOf(applicant.client, instanceId)).toEqual(['at_quota']);

        const progress = await cancelAll(w, subject, admin.kit, kind);

        expect(progress.status).toBe('approved');
        expect(await ineligibilityOf(applicant.client, instanceId)).toEqual([]);
      },
      FLOW_TIMEOUT,
    );
  }

  it(
    'should count a service approved before the quota rows existed once the backfill runs, and not twice when it runs again',
    async () => {
      const { applicant, instanceId } = await fullInstance('backfill');
      // As before the `resource_uses` migration: the record holds the approved service, no quota row does.
      await t.db.manager.delete(ResourceUseEntity, { accountId: applicant.user.id, instanceId });
      expect(await ineligibilityOf(applicant.client, instanceId)).toEqual([]);
      const backfill = t.db.isSqlite ? new BackfillSqlite() : new BackfillMysql();
      const runner = t.db.dataSource.createQueryRunner();

      try {
        await backfill.up(runner);
        await backfill.up(runner);
      } finally {
        await runner.release();
      }

      expect(await ineligibilityOf(applicant.client, instanceId)).toEqual(['at_quota']);
      const rows = await t.db.manager.find(ResourceUseEntity, { where: { accountId: applicant.user.id, instanceId } });
      expect(rows.map((row) => [row.stage, row.serviceKey])).toEqual([['approved', 'website:release-backfill.example.cn']]);
    },
    FLOW_TIMEOUT,
  );
});
