import { Injectable } from '@nestjs/common';
import { serviceKey, type FilingServiceState, type FilingServiceType, type FilingSubjectState } from '@beian/shared';
import { In, IsNull, type EntityManager } from 'typeorm';
import { DatabaseService } from '../platform/database/database.service';
import { FilingAccessRecordEntity } from './filing-access-record.entity';
import { FilingServiceEntity, FilingServiceKeyEntity } from './filing-service.entity';
import { FilingSubjectEntity } from './filing-subject.entity';
import { FilingVersionEntity } from './filing-version.entity';

const SUBJECT_REF = {
  id: true,
  ownerId: true,
  subjectIcpNumber: true,
  provinceCode: true,
  nature: true,
  certificateIndex: true,
  origin: true,
  state: true,
  maxServiceSeq: true,
  version: true,
} as const;
/** What deciding on a subject needs: owner, number, state, the highest `-n`. */
export type SubjectRef = Pick<FilingSubjectEntity, keyof typeof SUBJECT_REF>;

const SERVICE_REF = { id: true, subjectId: true, serviceType: true, serviceIcpNumber: true, seq: true, name: true, state: true } as const;
export type ServiceRef = Pick<FilingServiceEntity, keyof typeof SERVICE_REF>;

/** A service found by its domain or APP name, with its subject's owner, number and state. */
export interface ServiceWithSubject extends ServiceRef {
  subject: Pick<SubjectRef, 'id' | 'ownerId' | 'subjectIcpNumber' | 'state'>;
}

/** Who the subject is: 变更备案 may change these (the province and the number stay). */
export type SubjectIdentityKey = 'regionCode' | 'nature' | 'certificateType' | 'certificateNumber' | 'certificateIndex';

/** What 变更 may change in a service. */
export type ServiceChanges = Pick<FilingServiceEntity, 'name' | 'domains' | 'homeUrl' | 'packages' | 'details' | 'principal' | 'resource'>;

/** A new service of the record: the entity and where our access runs. */
export interface NewFilingService {
  service: FilingServiceEntity;
  access: { provider: string; since: Date; resource: string | null };
}

/** Subjects still with us: new orders, detection and the in-flight rule start from these. */
export const SUBJECT_STATES_WITH_US: readonly FilingSubjectState[] = ['active', 'shell'];

/**
 * Reads and writes of the approved-filing record (subjects, services, access, versions). Every caller passes its
 * transaction; nothing else reads these tables.
 */
@Injectable()
export class FilingRecordStore {
  constructor(private readonly db: DatabaseService) {}

  /** The subject of a certificate (by blind index) most recently approved, whatever its state: callers decide on the state. */
  subjectByCertificate(tx: EntityManager, certificateIndex: string): Promise<SubjectRef | null> {
    return tx.findOne(FilingSubjectEntity, { select: SUBJECT_REF, where: { certificateIndex }, order: { approvedAt: 'DESC' } });
  }

  subjectByNumber(tx: EntityManager, subjectIcpNumber: string): Promise<SubjectRef | null> {
    return tx.findOne(FilingSubjectEntity, { select: SUBJECT_REF, where: { subjectIcpNumber } });
  }

  subjectRef(tx: EntityManager, subjectId: string): Promise<SubjectRef | null> {
    return tx.findOne(FilingSubjectEntity, { select: SUBJECT_REF, where: { id: subjectId } });
  }

  /** The whole subject row (sealed details and principal): copies into a draft, snapshots, detail views. */
  subject(tx: EntityManager, subjectId: string): Promise<FilingSubjectEntity | null> {
    return tx.findOneBy(FilingSubjectEntity, { id: subjectId });
  }

  /** The account's subjects, newest first; `states` narrows them. */
  subjectsOfOwner(tx: EntityManager, ownerId: string, states?: readonly FilingSubjectState[]): Promise<FilingSubjectEntity[]> {
    return tx.find(FilingSubjectEntity, { where: { ownerId, ...(states ? { state: In([...states]) } : {}) }, order: { approvedAt: 'DESC', id: 'ASC' } });
  }

  /** The services of some subjects, in number order. */
  servicesOfSubjects(tx: EntityManager, subjectIds: string[], states?: readonly FilingServiceState[]): Promise<FilingServiceEntity[]> {
    if (!subjectIds.length) return Promise.resolve([]);
    return tx.find(FilingServiceEntity, {
      where: { subjectId: In(subjectIds), ...(states ? { state: In([...states]) } : {}) },
      order: { subjectId: 'ASC', seq: 'ASC' },
    });
  }

  /** Every service of the account's subjects. */
  async servicesOfOwner(tx: EntityManager, ownerId: string, states?: readonly FilingServiceState[]): Promise<FilingServiceEntity[]> {
    const subjects = await tx.find(FilingSubjectEntity, { select: { id: true }, where: { ownerId } });
    return this.servicesOfSubjects(
      tx,
      subjects.map((s) => s.id),
      states,
    );
  }

  /** The lookup keys of the services (`website:<domain>` per domain, `app:<name>`). */
  async serviceKeysOf(tx: EntityManager, serviceIds: string[]): Promise<string[]> {
    if (!serviceIds.length) return [];
    const rows = await tx.find(FilingServiceKeyEntity, { select: { serviceKey: true }, where: { serviceId: In(serviceIds) } });
    return [...new Set(rows.map((row) => row.serviceKey))];
  }

  /** The services filed under a domain (website) or APP name, with their subjects; several when one was cancelled and filed again. */
  async servicesByName(tx: EntityManager, serviceType: FilingServiceType, name: string): Promise<ServiceWithSubject[]> {
    const keys = await tx.find(FilingServiceKeyEntity, { select: { serviceId: true }, where: { serviceKey: serviceKey(serviceType, name) } });
    const services = await this.serviceRefs(
      tx,
      keys.map((k) => k.serviceId),
    );
    const subjectIds = [...new Set(services.map((s) => s.subjectId))];
    const subjects = subjectIds.length
      ? await tx.find(FilingSubjectEntity, { select: { id: true, ownerId: true, subjectIcpNumber: true, state: true }, where: { id: In(subjectIds) } })
      : [];
    const byId = new Map(subjects.map((s) => [s.id, s]));
    return services.flatMap((service) => {
      const subject = byId.get(service.subjectId);
      return subject ? [{ ...service, subject }] : [];
    });
  }

  serviceRefs(tx: EntityManager, serviceIds: string[]): Promise<ServiceRef[]> {
    if (!serviceIds.length) return Promise.resolve([]);
    return tx.find(FilingServiceEntity, { select: SERVICE_REF, where: { id: In(serviceIds) }, order: { seq: 'ASC' } });
  }

  /** Our access records of some services, oldest first. */
  accessOfServices(tx: EntityManager, serviceIds: string[]): Promise<FilingAccessRecordEntity[]> {
    if (!serviceIds.length) return Promise.resolve([]);
    return tx.find(FilingAccessRecordEntity, { where: { serviceId: In(serviceIds) }, order: { id: 'ASC' } });
  }

  /**
   * The subject locked for this transaction (MySQL/MariaDB row lock; SQLite transactions run one at a time): who
   * issues `-n` numbers or changes the subject holds it until commit.
   */
  lockSubject(tx: EntityManager, subjectId: string): Promise<SubjectRef | null> {
    const query = tx
      .createQueryBuilder(FilingSubjectEntity, 's')
      .select(Object.keys(SUBJECT_REF).map((c) => `s.${c}`))
      .where('s.id = :id', { id: subjectId });
    if (!this.db.isSqlite) query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** The n the next service of the subject gets: above every `-n` ever issued, cancelled ones included. */
  async nextServiceSeq(tx: EntityManager, subjectId: string): Promise<number> {
    const subject = await this.lockSubject(tx, subjectId);
    if (!subject) throw new Error(`no filing subject ${subjectId}`);
    return subject.maxServiceSeq + 1;
  }

  async insertSubject(tx: EntityManager, subject: FilingSubjectEntity): Promise<void> {
    await tx.insert(FilingSubjectEntity, subject);
  }

  /**
   * Adds services with their lookup keys and our access; raises the subject's highest `-n` to theirs. A number the
   * record already holds (a service that left us and is accessed again) brings that row back under its id.
   */
  async insertServices(tx: EntityManager, subjectId: string, services: NewFilingService[], at: Date): Promise<void> {
    if (!services.length) return;
    const known = await tx.find(FilingServiceEntity, {
      select: { id: true, serviceIcpNumber: true },
      where: { serviceIcpNumber: In(services.map((s) => s.service.serviceIcpNumber)) },
    });
    const knownIds = new Map(known.map((row) => [row.serviceIcpNumber, row.id]));
    const fresh: FilingServiceEntity[] = [];
    for (const { service } of services) {
      const id = knownIds.get(service.serviceIcpNumber);
      if (!id) {
        fresh.push(service);
        continue;
      }
      service.id = id;
      const { id: _, ...values } = service;
      await tx.update(FilingServiceEntity, { id }, values);
    }
    if (fresh.length) await tx.insert(FilingServiceEntity, fresh);
    if (knownIds.size) await tx.delete(FilingServiceKeyEntity, { serviceId: In([...knownIds.values()]) });
    const keys = services.flatMap(({ service }) =>
      [...new Set(this.namesOf(service).map((name) => serviceKey(service.serviceType, name)))].map((key) => ({ serviceId: service.id, serviceKey: key })),
    );
    if (keys.length) await tx.insert(FilingServiceKeyEntity, keys);
    await tx.insert(
      FilingAccessRecordEntity,
      services.map(({ service, access }) => ({
        serviceId: service.id,
        provider: access.provider,
        since: access.since,
        endedAt: null,
        resource: access.resource,
      })),
    );
    const highest = Math.max(...services.map((s) => s.service.seq));
    await tx
      .createQueryBuilder()
      .update(FilingSubjectEntity)
      .set({
        maxServiceSeq: () => `CASE WHEN max_service_seq < ${highest} THEN ${highest} ELSE max_service_seq END`,
        version: () => 'version + 1',
        changedAt: at,
      })
      .where('id = :id', { id: subjectId })
      .execute();
  }

  /**
   * A service leaves the active record (注销 → cancelled, 取消接入 → access_cancelled): our access ends with it. Its
   * `-n` stays issued: the subject's highest `-n` does not go down.
   */
  async endService(tx: EntityManager, serviceId: string, state: Exclude<FilingServiceState, 'active'>, at: Date): Promise<void> {
    await tx.update(FilingServiceEntity, { id: serviceId }, { state, changedAt: at });
    await tx.update(FilingAccessRecordEntity, { serviceId, endedAt: IsNull() }, { endedAt: at });
  }

  /** Changes the subject's changeable fields (name, details, principal; the owner on 迁移 or return). */
  async updateSubject(
    tx: EntityManager,
    subjectId: string,
    changes: Partial<Pick<FilingSubjectEntity, 'name' | 'details' | 'principal' | 'ownerId' | SubjectIdentityKey>>,
    at: Date,
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(FilingSubjectEntity)
      .set({ ...changes, changedAt: at, version: () => 'version + 1' })
      .where('id = :id', { id: subjectId })
      .execute();
  }

  /** 变更: a service takes the approved order's values; its number, `-n` and access stay. */
  async updateService(tx: EntityManager, serviceId: string, changes: ServiceChanges, at: Date): Promise<void> {
    await tx.update(FilingServiceEntity, { id: serviceId }, { ...changes, changedAt: at });
  }

  async setSubjectState(tx: EntityManager, subjectId: string, state: FilingSubjectState, at: Date): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(FilingSubjectEntity)
      .set({ state, changedAt: at, version: () => 'version + 1' })
      .where('id = :id', { id: subjectId })
      .execute();
  }

  /** The subject and some of its services as stored (personal values stay encrypted): a version's before or after. */
  async snapshot(tx: EntityManager, subjectId: string, serviceIds: string[]): Promise<string | null> {
    const subject = await this.subject(tx, subjectId);
    if (!subject) return null;
    const services = serviceIds.length ? await tx.find(FilingServiceEntity, { where: { id: In(serviceIds), subjectId }, order: { seq: 'ASC' } }) : [];
    return JSON.stringify({ subject, services });
  }

  async insertVersion(tx: EntityManager, version: Omit<FilingVersionEntity, 'id'>): Promise<void> {
    await tx.insert(FilingVersionEntity, version);
  }

  versionOfOrder(tx: EntityManager, orderId: string): Promise<FilingVersionEntity | null> {
    return tx.findOneBy(FilingVersionEntity, { orderId });
  }

  versionsOfSubject(tx: EntityManager, subjectId: string): Promise<FilingVersionEntity[]> {
    return tx.find(FilingVersionEntity, { where: { subjectId }, order: { id: 'ASC' } });
  }

  private namesOf(service: FilingServiceEntity): string[] {
    return service.serviceType === 'website' ? (JSON.parse(service.domains) as string[]) : [service.name];
  }
}
