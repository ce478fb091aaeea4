import type { ApiTestKit } from '@beian/shared/testing';
import type { EntityManager } from 'typeorm';
import { FilingAccessRecordEntity } from '../../src/filing-record/filing-access-record.entity';
import { FilingRecordBackfill } from '../../src/filing-record/filing-record.backfill';
import { FilingServiceEntity, FilingServiceKeyEntity } from '../../src/filing-record/filing-service.entity';
import { FilingSubjectEntity } from '../../src/filing-record/filing-subject.entity';
import { FilingVersionEntity } from '../../src/filing-record/filing-version.entity';
import { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import { OrderDraftStore } from '../../src/order-core/order-draft.store';
import { FieldCipher } from '../../src/platform/crypto/field-cipher';
import { workflow } from '../regulator/workflow.support';
import { approveAddedService, approveFirstFiling } from '../support/filing-flow';
import { devLogin, useTestApp } from '../support/test-app';

/** Several orders driven through the whole workflow: slower than one request on a busy machine. */
const FLOW_TIMEOUT = 120_000;

describe('the record of filings approved before it existed (backfill)', () => {
  const t = useTestApp();
  const w = workflow(t);
  let reviewer: ApiTestKit;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-backfill')).client.kit;
  });

  /** The whole record by its numbers, personal values decrypted: ids and ciphertexts differ between two writes of the same record. */
  async function recordByNumbers(tx: EntityManager) {
    const cipher = t.app.get(FieldCipher);
    const drafts = t.app.get(OrderDraftStore);
    const subjects = await tx.find(FilingSubjectEntity, { order: { subjectIcpNumber: 'ASC' } });
    const services = await tx.find(FilingServiceEntity, { order: { serviceIcpNumber: 'ASC' } });
    const numberOfSubject = new Map(subjects.map((s) => [s.id, s.subjectIcpNumber]));
    const numberOfService = new Map(services.map((s) => [s.id, s.serviceIcpNumber]));
    const access = await tx.find(FilingAccessRecordEntity);
    const keys = await tx.find(FilingServiceKeyEntity);
    const versions = await tx.find(FilingVersionEntity, { order: { orderId: 'ASC' } });
    const orders = await tx.find(FilingOrderEntity, { select: { id: true, subjectId: true }, order: { id: 'ASC' } });
    const numbersIn = (sealed: string | null) => {
      if (!sealed) return null;
      const { subject, services: touched } = JSON.parse(sealed) as { subject: FilingSubjectEntity; services: FilingServiceEntity[] };
      return { subject: subject.subjectIcpNumber, maxServiceSeq: subject.maxServiceSeq, services: touched.map((s) => s.serviceIcpNumber) };
    };
    return {
      subjects: subjects.map(({ id: _, certificateNumber, name, details, principal, ...rest }) => ({
        ...rest,
        name: cipher.open(name),
        certificateNumber: cipher.decrypt(certificateNumber),
        details: drafts.unseal(details, 'subject'),
        principal: drafts.unseal(principal, 'subjectPrincipal'),
      })),
      services: services.map(({ id: _, subjectId, principal, ...rest }) => ({
        ...rest,
        subject: numberOfSubject.get(subjectId),
        principal: drafts.unseal(principal, `${rest.serviceType}s.0.principal`),
      })),
      access: access
        .map(({ id: _, serviceId, ...rest }) => ({ ...rest, service: numberOfService.get(serviceId) }))
        .sort((a, b) => a.service!.localeCompare(b.service!)),
      keys: keys.map((k) => `${numberOfService.get(k.serviceId)} ${k.serviceKey}`).sort(),
      versions: versions.map(({ id: _, subjectId, before, after, ...rest }) => ({
        ...rest,
        subject: numberOfSubject.get(subjectId),
        before: numbersIn(before),
        after: numbersIn(after),
      })),
      orders: orders.map((o) => ({ id: o.id, subject: o.subjectId ? numberOfSubject.get(o.subjectId) : null })),
    };
  }

  it(
    'should write the same record from approved orders whose record rows are gone',
    async () => {
      const first = await approveFirstFiling(t, w, reviewer);
      const subjectId = (await t.db.manager.findOneByOrFail(FilingOrderEntity, { id: first.orderId })).subjectId!;
      await approveAddedService(t, w, reviewer, { applicant: first.applicant, subjectId, domain: 'added.example.cn', filed: first.draft });
      await approveFirstFiling(t, w, reviewer);
      const approved = await recordByNumbers(t.db.manager);
      await t.db.transaction(async (tx) => {
        for (const table of [FilingVersionEntity, FilingAccessRecordEntity, FilingServiceKeyEntity, FilingServiceEntity, FilingSubjectEntity]) {
          await tx.createQueryBuilder().delete().from(table).execute();
        }
        await tx.createQueryBuilder().update(FilingOrderEntity).set({ subjectId: null }).execute();
      });
      const emptied = await recordByNumbers(t.db.manager);

      const written = await t.app.get(FilingRecordBackfill).run();
      const again = await t.app.get(FilingRecordBackfill).run();

      expect(approved.subjects).toHaveLength(2);
      expect(approved.services).toHaveLength(3);
      expect(approved.versions.map((v) => v.kind)).toEqual(expect.arrayContaining(['first_filing', 'first_filing', 'add_service_local']));
      expect(emptied.subjects).toEqual([]);
      expect(written).toBe(3);
      expect(again).toBe(0);
      expect(await recordByNumbers(t.db.manager)).toEqual(approved);
    },
    FLOW_TIMEOUT,
  );
});
