/** Complete, valid drafts for tests of every package (entry `@beian/shared/testing`; never imported by app code). */
import type { Draft, DraftPrincipal, DraftWebsite, DraftApp } from '../schemas';
import type { FilingContext } from '../schemas';

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
