import { randomUUID } from 'node:crypto';
import { normalizeCode, type FilingServiceState, type FilingServiceType, type FilingSubjectState } from '@beian/shared';
import { FilingRecordStore } from '../../src/filing-record/filing-record.store';
import { FilingServiceEntity } from '../../src/filing-record/filing-service.entity';
import { FilingSubjectEntity } from '../../src/filing-record/filing-subject.entity';
import { FieldCipher } from '../../src/platform/crypto/field-cipher';
import type { TestApp } from './test-app';

export interface RecordServiceSeed {
  type?: FilingServiceType;
  /** The domain (website) or APP name. */
  name: string;
  /** A website's further domains, after `name`. */
  moreDomains?: string[];
  /** The instance of the account the service stands on. */
  instanceId?: string;
  state?: FilingServiceState;
}

export interface RecordSubjectSeed {
  ownerId: string;
  certificateNumber: string;
  subjectIcpNumber: string;
  name?: string;
  nature?: string;
  state?: FilingSubjectState;
  services?: RecordServiceSeed[];
}

/**
 * An approved filing in our record, written through FilingRecordStore as an approval writes it: the precondition
 * of detection and 备案查询 tests, which are not about approval.
 */
export async function fileHere(t: TestApp, seed: RecordSubjectSeed): Promise<{ subjectId: string; serviceIcpNumbers: string[] }> {
  const store = t.app.get(FilingRecordStore);
  const cipher = t.app.get(FieldCipher);
  const now = t.clock.now();
  const certificateNumber = normalizeCode(seed.certificateNumber);
  const subjectId = randomUUID();
  const services = (seed.services ?? []).map((service, index) => {
    const seq = index + 1;
    const type = service.type ?? 'website';
    const entity: FilingServiceEntity = Object.assign(new FilingServiceEntity(), {
      id: randomUUID(),
      subjectId,
      serviceType: type,
      serviceIcpNumber: `${seed.subjectIcpNumber}-${seq}`,
      seq,
      name: type === 'website' ? `${service.name}的网站` : service.name,
      domains: JSON.stringify(type === 'website' ? [service.name, ...(service.moreDomains ?? [])] : []),
      homeUrl: null,
      packages: '[]',
      details: '{}',
      principal: '{}',
      resource: service.instanceId ? JSON.stringify({ type: 'instance', instanceId: service.instanceId }) : null,
      state: service.state ?? 'active',
      approvedAt: now,
      changedAt: now,
    });
    return { service: entity, access: { provider: '本平台', since: now, resource: null } };
  });
  await t.db.transaction(async (tx) => {
    await store.insertSubject(
      tx,
      Object.assign(new FilingSubjectEntity(), {
        id: subjectId,
        ownerId: seed.ownerId,
        subjectIcpNumber: seed.subjectIcpNumber,
        provinceCode: '11',
        regionCode: '110105',
        nature: seed.nature ?? 'personal',
        certificateType: seed.nature && seed.nature !== 'personal' ? 'business_license' : 'resident_id',
        certificateNumber: cipher.encrypt(certificateNumber),
        certificateIndex: cipher.blindIndex(certificateNumber),
        name: seed.name ?? '张三',
        details: '{}',
        principal: '{}',
        origin: 'here',
        state: seed.state ?? 'active',
        maxServiceSeq: 0,
        version: 1,
        approvedAt: now,
        changedAt: now,
      }),
    );
    await store.insertServices(tx, subjectId, services, now);
  });
  return { subjectId, serviceIcpNumbers: services.map((s) => s.service.serviceIcpNumber) };
}
