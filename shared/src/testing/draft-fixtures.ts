/** Complete, valid drafts for tests of every package (entry `@beian/shared/testing`; never imported by app code). */
import type { Draft, DraftPrincipal, DraftWebsite, DraftApp } from '../schemas';
import type { FilingContext } from '../schemas';
import { gb11643CheckChar } from '../validate/gb11643';
import { usccCheckChar } from '../validate/uscc.validator';

export const NOW = new Date('2025-07-01T04:00:00Z');
export const PERSON_ID = '11010519491231002X';
export const OTHER_ID = '110101199003070011';
export const USCC = '91350100M000100Y43';

export const personalCtx = (over: Partial<FilingContext> = {}): FilingContext => ({
  kind: 'first_filing',
  subjectType: 'personal',
  serviceType: 'website',
  now: NOW,
  ...over,
});
export const unitCtx = (over: Partial<FilingContext> = {}): FilingContext => ({
  kind: 'first_filing',
  subjectType: 'unit',
  serviceType: 'website',
  now: NOW,
  ...over,
});

export function principal(over: Partial<DraftPrincipal> = {}): DraftPrincipal {
  return {
    name: '张三',
    certificateType: 'resident_id',
    certificateNumber: PERSON_ID,
    validFrom: '2020-01-01',
    validTo: '2040-01-01',
    mobile: '13800138000',
    email: 'zhangsan@example.com',
    ...over,
  };
}

export function website(over: Partial<DraftWebsite> = {}): DraftWebsite {
  return {
    name: '张三的读书笔记',
    domains: ['example.com'],
    serviceContent: ['other'],
    languages: ['zh_hans'],
    resource: { type: 'instance', instanceId: 'ins-1' },
    principal: principal(),
    ...over,
  };
}

export function app(over: Partial<DraftApp> = {}): DraftApp {
  return {
    name: '读书笔记',
    serviceContent: ['other'],
    languages: ['zh_hans'],
    providesSdk: false,
    usesExternalSdk: false,
    resource: { type: 'instance', instanceId: 'ins-1' },
    principal: principal(),
    packages: [{ platform: 'android', packageName: 'com.example.notes', publicKey: 'MIIB', fingerprint: 'A'.repeat(32) }],
    ...over,
  };
}

const photos = (target: string) => [
  { kind: 'certificate_front' as const, fileId: `f-${target}`, target },
  { kind: 'certificate_back' as const, fileId: `b-${target}`, target },
];

export function personalDraft(over: Partial<Draft> = {}): Draft {
  return {
    subject: {
      nature: 'personal',
      certificateType: 'resident_id',
      certificateNumber: PERSON_ID,
      name: '张三',
      certificateAddress: '北京市朝阳区某街道1号',
      communicationAddress: '北京市朝阳区某街道1号101室',
      regionCode: '110105',
    },
    subjectPrincipal: { validFrom: '2020-01-01', validTo: '2040-01-01', mobile: '13800138000', email: 'zhangsan@example.com' },
    websites: [website()],
    materials: [...photos('subjectPrincipal'), ...photos('websites.0.principal'), { kind: 'domain_real_name', fileId: 'd', target: 'websites.0' }],
    agreements: { privacy: true, terms: true, commitment: true },
    ...over,
  };
}

export function unitDraft(over: Partial<Draft> = {}): Draft {
  return {
    subject: {
      nature: 'enterprise',
      certificateType: 'business_license',
      certificateNumber: USCC,
      name: '福州示例科技有限公司',
      certificateAddress: '福州市鼓楼区示例路1号',
      communicationAddress: '福州市鼓楼区示例路1号8楼',
      regionCode: '350102',
      legalRepName: '张三',
      legalRepCertificateType: 'resident_id',
      legalRepCertificateNumber: PERSON_ID,
      investor: '张三',
    },
    subjectPrincipal: principal({ phone2: '0591-87654321' }),
    websites: [website({ name: '示例科技官网' })],
    materials: [
      { kind: 'subject_certificate', fileId: 's', target: 'subject' },
      ...photos('subjectPrincipal'),
      ...photos('websites.0.principal'),
      { kind: 'domain_real_name', fileId: 'd', target: 'websites.0' },
    ],
    agreements: { privacy: true, terms: true, commitment: true },
    ...over,
  };
}

/** A valid 居民身份证 number for a division code and birth date (YYYYMMDD). */
export function residentId(division: string, birth: string, sequence = '001'): string {
  const first17 = `${division}${birth}${sequence}`;
  return first17 + gb11643CheckChar(first17);
}

/** A valid 统一社会信用代码 of an enterprise registered in `division`. */
export function creditCode(division: string): string {
  const first17 = `91${division}MA01X0001`;
  return first17 + usccCheckChar(first17);
}

/** The last six characters of PERSON_ID (what MIIT's SMS form asks), shared by every freshPersonId. */
export const PERSON_ID_LAST_SIX = PERSON_ID.slice(-6);

let freshPeople: string[] | null = null;
let freshPeopleUsed = 0;

/**
 * A valid resident ID number no other call in this process answered, ending in PERSON_ID_LAST_SIX: a distinct
 * subject (one order in flight per subject) whose principal still answers the SMS form like the fixtures.
 */
export function freshPersonId(): string {
  freshPeople ??= Array.from({ length: 16 }, (_, area) => `1101${String(area + 1).padStart(2, '0')}`)
    .flatMap((area) =>
      Array.from({ length: 50 }, (_, y) => 1950 + y).flatMap((year) =>
        ['01', '03', '05', '07', '08', '10', '12']
          .map((month) => `${area}${year}${month}${PERSON_ID_LAST_SIX.slice(0, 5)}`)
          .filter((first17) => gb11643CheckChar(first17) === PERSON_ID_LAST_SIX.slice(5))
          .map((first17) => `${first17}X`),
      ),
    )
    .filter((id) => id !== PERSON_ID);
  const id = freshPeople[freshPeopleUsed++];
  if (!id) throw new Error('freshPersonId ran out of numbers');
  return id;
}

/** The draft with its person replaced by a new one (freshPersonId): the personal subject and every principal's certificate. */
export function asNewPerson(draft: Draft): Draft {
  const id = freshPersonId();
  const person = <T extends { certificateNumber?: string }>(p: T | undefined): T | undefined => (p?.certificateNumber ? { ...p, certificateNumber: id } : p);
  return {
    ...draft,
    subject: draft.subject?.nature === 'personal' ? { ...draft.subject, certificateNumber: id } : draft.subject,
    subjectPrincipal: person(draft.subjectPrincipal),
    websites: draft.websites?.map((w) => ({ ...w, principal: person(w.principal) })),
    apps: draft.apps?.map((a) => ({ ...a, principal: person(a.principal) })),
  };
}

let mobileSerial = 0;
const mobilePrefix = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
/** A mobile no other call in this process answered: one mobile belongs to one subject, and codes are rate-limited per mobile. */
export function freshMobile(): string {
  mobileSerial += 1;
  return `139${mobilePrefix}${String(mobileSerial).padStart(4, '0')}`;
}

/** The draft of a new person (asNewPerson: one order in flight per subject) with one fresh mobile for every principal (the fixture's people are one person). */
export function withFreshPerson(draft: Draft): Draft {
  const mobile = freshMobile();
  const fresh = asNewPerson(draft);
  return {
    ...fresh,
    subjectPrincipal: fresh.subjectPrincipal ? { ...fresh.subjectPrincipal, mobile } : fresh.subjectPrincipal,
    websites: fresh.websites?.map((w) => ({ ...w, principal: w.principal ? { ...w.principal, mobile } : w.principal })),
    apps: fresh.apps?.map((a) => ({ ...a, principal: a.principal ? { ...a.principal, mobile } : a.principal })),
  };
}
