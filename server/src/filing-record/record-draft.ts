import { Injectable } from '@nestjs/common';
import { changesRecord, fieldLabel, type RecordChange } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { changedPaths, maskedLeaf, valueAt } from '../order-core/draft-paths.util';
import { draftPrincipals } from '../order-core/draft-principals';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore, type DraftTree } from '../order-core/order-draft.store';
import { FieldCipher } from '../platform/crypto/field-cipher';
import type { FilingServiceEntity } from './filing-service.entity';
import { FilingRecordStore } from './filing-record.store';

/** The record as an order draft and the services in draft order (websites, then APPs, each by `-n`). */
export interface RecordAsDraft {
  draft: DraftTree;
  serviceIds: string[];
}

/**
 * The approved record read back as a draft: what 变更 and 新增服务 orders start from, and what 初审 and the MIIT SMS
 * compare an order's draft with.
 */
@Injectable()
export class RecordDrafts {
  constructor(
    private readonly store: FilingRecordStore,
    private readonly drafts: OrderDraftStore,
    private readonly cipher: FieldCipher,
  ) {}

  /** The subject and its principal, and the given services (none: the subject only); null when the subject is gone. */
  async draftOf(tx: EntityManager, subjectId: string, serviceIds: readonly string[]): Promise<RecordAsDraft | null> {
    const subject = await this.store.subject(tx, subjectId);
    if (!subject) return null;
    const certificateNumber = this.cipher.decrypt(subject.certificateNumber);
    const principal = this.drafts.unseal(subject.principal, 'subjectPrincipal');
    const name = this.cipher.open(subject.name);
    const draft: DraftTree = {
      subject: {
        nature: subject.nature,
        certificateType: subject.certificateType,
        certificateNumber,
        name,
        regionCode: subject.regionCode,
        subjectIcpNumber: subject.subjectIcpNumber,
        ...this.drafts.unseal(subject.details, 'subject'),
      },
      // A personal filer is their own subject principal: the principal carries the subject's identity (as the wizard writes it).
      subjectPrincipal: subject.nature === 'personal' ? { ...principal, name, certificateType: subject.certificateType, certificateNumber } : principal,
    };
    const wanted = new Set(serviceIds);
    const services = serviceIds.length ? (await this.store.servicesOfSubjects(tx, [subjectId], ['active'])).filter((s) => wanted.has(s.id)) : [];
    const ordered = [...services].sort((a, b) => Number(a.serviceType === 'app') - Number(b.serviceType === 'app') || a.seq - b.seq);
    const websites = ordered.filter((s) => s.serviceType === 'website').map((s) => this.serviceSection(s));
    const apps = ordered.filter((s) => s.serviceType === 'app').map((s) => this.serviceSection(s));
    if (websites.length) draft.websites = websites;
    if (apps.length) draft.apps = apps;
    return { draft, serviceIds: ordered.map((s) => s.id) };
  }

  /** 变更: the certificate numbers of everyone the subject's record names (subject and every active service's principal), who need no new face check. */
  async recordedPeople(tx: EntityManager, orderId: string): Promise<Set<string>> {
    const order = await tx.findOne(FilingOrderEntity, { select: { kind: true, subjectId: true }, where: { id: orderId } });
    if (!order?.subjectId || !changesRecord(order.kind)) return new Set();
    const services = await this.store.servicesOfSubjects(tx, [order.subjectId], ['active']);
    const record = await this.draftOf(
      tx,
      order.subjectId,
      services.map((s) => s.id),
    );
    return new Set(record ? draftPrincipals(record.draft).map((p) => p.certificateNumber) : []);
  }

  /** What the order's draft changes in the record, leaf by leaf, labelled, personal values masked. */
  changes(record: DraftTree, draft: DraftTree): RecordChange[] {
    const sections = ['subject', 'subjectPrincipal', 'websites', 'apps'];
    return sections.flatMap((section) =>
      changedPaths(record[section], draft[section], section).map((path) => ({
        path,
        label: fieldLabel(path),
        before: maskedLeaf(path, valueAt(record, path)) ?? null,
        after: maskedLeaf(path, valueAt(draft, path)) ?? null,
      })),
    );
  }

  private serviceSection(service: FilingServiceEntity): Record<string, unknown> {
    const section: Record<string, unknown> = {
      name: service.name,
      icpNumber: service.serviceIcpNumber,
      ...(JSON.parse(service.details) as Record<string, unknown>),
      principal: this.drafts.unseal(service.principal, `${service.serviceType}s.0.principal`),
    };
    if (service.serviceType === 'website') {
      section.domains = JSON.parse(service.domains) as unknown;
      if (service.homeUrl) section.homeUrl = service.homeUrl;
    } else {
      section.packages = JSON.parse(service.packages) as unknown;
    }
    if (service.resource) section.resource = JSON.parse(service.resource) as unknown;
    return section;
  }
}
