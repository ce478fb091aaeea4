import { randomUUID } from 'node:crypto';
import { provinceByCode, validateIcpNumber, type FilingServiceType, type FilingSubjectOrigin } from '@beian/shared';
import type { DraftTree } from '../order-core/order-draft.store';
import type { FilingServiceEntity } from './filing-service.entity';
import type { FilingSubjectEntity } from './filing-subject.entity';
import type { NewFilingService, ServiceChanges } from './filing-record.store';

/** Our own name as access provider in the record. */
export const OUR_PROVIDER = '本平台';

/** Seals the part of a draft at draft path `at` (OrderDraftStore.seal), or encrypts one value (FieldCipher.encrypt). */
export interface Sealer {
  seal(tree: unknown, at: string): string;
  encrypt(plain: string): string;
}
type Section = Record<string, unknown>;

const sectionOf = (draft: DraftTree, key: string): Section => (draft[key] as Section | undefined) ?? {};
const textOf = (section: Section, key: string): string => (typeof section[key] === 'string' ? section[key] : '');
const listOf = (section: Section, key: string): unknown[] => (Array.isArray(section[key]) ? section[key] : []);
const pick = (section: Section, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => section[k] !== undefined).map((k) => [k, section[k]]));

/** Subject fields a later order may change (新增服务 and 变更 let the applicant edit them); the rest is locked. */
const SUBJECT_DETAIL_KEYS = [
  'certificateAddress',
  'communicationAddress',
  'legalRepName',
  'legalRepCertificateType',
  'legalRepCertificateNumber',
  'investor',
  'remark',
];
const SERVICE_DETAIL_KEYS = ['serviceContent', 'languages', 'preApprovals', 'remark', 'providesSdk', 'usesExternalSdk'];

/** The services of a draft in number order: websites, then APPs (as the 管局 numbers them). */
export function draftServices(draft: DraftTree): { type: FilingServiceType; section: Section }[] {
  return [
    ...(listOf(draft, 'websites') as Section[]).map((section) => ({ type: 'website' as const, section })),
    ...(listOf(draft, 'apps') as Section[]).map((section) => ({ type: 'app' as const, section })),
  ];
}

/** The numbers an 接入备案 keeps, as typed in the draft: the subject's, then each service's. */
export function keptNumbers(draft: DraftTree): { subject: string; services: string[] } {
  return { subject: textOf(sectionOf(draft, 'subject'), 'subjectIcpNumber'), services: draftServices(draft).map((s) => textOf(s.section, 'icpNumber')) };
}

/** The n of `…号-n`. */
export function serviceSeqOf(serviceIcpNumber: string): number {
  const parsed = validateIcpNumber(serviceIcpNumber);
  if (!parsed.ok || !parsed.value.serviceIndex) throw new Error(`not a service ICP number: ${serviceIcpNumber}`);
  return parsed.value.serviceIndex;
}

/** The subject's changeable fields of a draft, sealed. */
export function subjectChanges(draft: DraftTree, sealer: Sealer): Pick<FilingSubjectEntity, 'name' | 'details' | 'principal'> {
  const subject = sectionOf(draft, 'subject');
  const name = textOf(subject, 'name');
  return {
    // A personal subject's name is the person's: encrypted at rest like every personal value.
    name: textOf(subject, 'nature') === 'personal' ? sealer.encrypt(name) : name,
    details: sealer.seal(pick(subject, SUBJECT_DETAIL_KEYS), 'subject'),
    principal: sealer.seal(sectionOf(draft, 'subjectPrincipal'), 'subjectPrincipal'),
  };
}

export interface NewSubject {
  ownerId: string;
  subjectIcpNumber: string;
  certificateIndex: string;
  /** The certificate number encrypted (FieldCipher). */
  certificateNumber: string;
  origin: FilingSubjectOrigin;
  at: Date;
}

/** A subject record from an approved draft. */
export function subjectFromDraft(draft: DraftTree, subject: NewSubject, sealer: Sealer): FilingSubjectEntity {
  const section = sectionOf(draft, 'subject');
  const regionCode = textOf(section, 'regionCode');
  const province = provinceByCode(regionCode);
  if (!province) throw new Error(`no province for region ${regionCode}`);
  return {
    id: randomUUID(),
    ownerId: subject.ownerId,
    subjectIcpNumber: subject.subjectIcpNumber,
    provinceCode: province.code,
    regionCode,
    nature: textOf(section, 'nature'),
    certificateType: textOf(section, 'certificateType'),
    certificateNumber: subject.certificateNumber,
    certificateIndex: subject.certificateIndex,
    ...subjectChanges(draft, sealer),
    origin: subject.origin,
    state: 'active',
    maxServiceSeq: 0,
    version: 1,
    approvedAt: subject.at,
    changedAt: subject.at,
  };
}

/** A draft service's fields as the record keeps them (变更 writes these over the service). */
export function serviceFields(type: FilingServiceType, section: Section, sealer: Sealer): ServiceChanges {
  return {
    name: textOf(section, 'name'),
    domains: JSON.stringify(listOf(section, 'domains')),
    homeUrl: textOf(section, 'homeUrl') || null,
    packages: JSON.stringify(listOf(section, 'packages')),
    details: JSON.stringify(pick(section, SERVICE_DETAIL_KEYS)),
    principal: sealer.seal(section.principal ?? {}, `${type}s.0.principal`),
    resource: section.resource ? JSON.stringify(section.resource) : null,
  };
}

/** The services of an approved draft under `subjectId`, numbered `serviceNumbers` (draft order), accessed by us from `at`. */
export function servicesFromDraft(draft: DraftTree, subjectId: string, serviceNumbers: string[], sealer: Sealer, at: Date): NewFilingService[] {
  return draftServices(draft).map(({ type, section }, index) => {
    const number = serviceNumbers[index];
    if (!number) throw new Error(`no ICP number for service ${index} of the approved draft`);
    const fields = serviceFields(type, section, sealer);
    const service: FilingServiceEntity = {
      id: randomUUID(),
      subjectId,
      serviceType: type,
      serviceIcpNumber: number,
      seq: serviceSeqOf(number),
      ...fields,
      state: 'active',
      approvedAt: at,
      changedAt: at,
    };
    return { service, access: { provider: OUR_PROVIDER, since: at, resource: fields.resource } };
  });
}
