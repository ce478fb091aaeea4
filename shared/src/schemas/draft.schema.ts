import { z } from 'zod/mini';
import { DRAFT_NORMALIZERS } from './draft-normalize';
import { typeError } from './zod-field-errors';
import { personal, personalPaths, type PersonalKind } from './personal-fields';

/*
 * The lenient draft shape used for autosave: every field optional, values of the wrong type refused,
 * invalid values accepted (they are reported by `validateStep` / `validateDraftForSubmit`).
 * Unknown keys are stripped.
 */
const text = z.optional(z.string({ error: typeError }));
/** A text kept in its normal form (`DRAFT_NORMALIZERS[key]`). */
const normal = (key: keyof typeof DRAFT_NORMALIZERS) => z.optional(z.string({ error: typeError }).check(z.overwrite(DRAFT_NORMALIZERS[key]!)));
const flag = z.optional(z.boolean({ error: typeError }));
const texts = z.optional(z.array(z.string({ error: typeError }), { error: typeError }));
const domainList = z.optional(z.array(z.string({ error: typeError }).check(z.overwrite(DRAFT_NORMALIZERS.domains!)), { error: typeError }));
const list = <T extends z.core.SomeType>(item: T) => z.optional(z.array(item, { error: typeError }));
/** A text field holding personal data of this kind: see personal-fields.ts. */
const secret = (kind: PersonalKind) => personal(kind, z.optional(z.string({ error: typeError })));
/** A personal field kept in its normal form. */
const secretNormal = (kind: PersonalKind, key: keyof typeof DRAFT_NORMALIZERS) => personal(kind, normal(key));

export const draftSubjectSchema = z.object(
  {
    nature: text,
    certificateType: text,
    certificateNumber: secretNormal('certificate_number', 'certificateNumber'),
    /** A person's name for a personal subject. */
    name: secret('person_name'),
    certificateAddress: secret('address'),
    communicationAddress: secret('address'),
    regionCode: text,
    legalRepName: secret('person_name'),
    legalRepCertificateType: text,
    legalRepCertificateNumber: secretNormal('certificate_number', 'legalRepCertificateNumber'),
    investor: secret('person_name'),
    remark: text,
    /** 主体备案号 "待接入主体的备案号", for kinds that start from a filing (接入, 新增服务, 变更). */
    subjectIcpNumber: normal('subjectIcpNumber'),
    /** 备案密码 "工信部系统下发到主体负责人的手机短信和邮箱中的备案密码" (接入, 新增服务外平台). */
    filingPassword: secret('password'),
  },
  { error: typeError },
);

export const PRINCIPAL_SAME_AS = ['subjectPrincipal', 'websites.0.principal', 'apps.0.principal'] as const;
export type PrincipalSameAs = (typeof PRINCIPAL_SAME_AS)[number];

export const draftPrincipalSchema = z.object(
  {
    name: secret('person_name'),
    certificateType: text,
    certificateNumber: secretNormal('certificate_number', 'certificateNumber'),
    validFrom: text,
    /** ISO date, or absent with `longTerm` for a 长期 certificate. */
    validTo: text,
    longTerm: flag,
    mobile: secretNormal('mobile', 'mobile'),
    phone2: secretNormal('phone', 'phone2'),
    emergencyPhone: secretNormal('phone', 'emergencyPhone'),
    email: secretNormal('email', 'email'),
    /** A visible "same person as …" link: the fields are a copy, never a shared reference. */
    sameAs: z.optional(z.enum(PRINCIPAL_SAME_AS, { error: typeError })),
  },
  { error: typeError },
);

export const draftPreApprovalSchema = z.object({ type: text, approvalNumber: text, fileId: text }, { error: typeError });

export const draftResourceSchema = z.object(
  {
    /** An eligible cloud resource of this account, or an authorization code from another account. */
    type: z.optional(z.enum(['instance', 'authorization_code', 'service_code'], { error: typeError })),
    instanceId: text,
    authorizationCode: text,
    serviceCode: text,
  },
  { error: typeError },
);

/** Real-name data of a domain, from the registrar or the screenshot, when known. */
export const draftDomainHolderSchema = z.object(
  {
    domain: normal('domain'),
    holderName: secret('person_name'),
    holderCertificateNumber: secretNormal('certificate_number', 'holderCertificateNumber'),
    expiresAt: text,
    verifiedAt: text,
  },
  { error: typeError },
);

const serviceShape = {
  name: text,
  serviceContent: texts,
  languages: texts,
  preApprovals: list(draftPreApprovalSchema),
  remark: text,
  resource: z.optional(draftResourceSchema),
  /** 网站/APP 备案号 for kinds that start from a filed service. */
  icpNumber: normal('icpNumber'),
  principal: z.optional(draftPrincipalSchema),
  domainHolders: list(draftDomainHolderSchema),
};

export const draftWebsiteSchema = z.object({ ...serviceShape, domains: domainList, homeUrl: normal('homeUrl') }, { error: typeError });

export const draftAppPackageSchema = z.object({ platform: text, packageName: normal('packageName'), publicKey: text, fingerprint: text }, { error: typeError });

export const draftAppSchema = z.object(
  {
    ...serviceShape,
    domains: domainList,
    providesSdk: flag,
    usesExternalSdk: flag,
    packages: list(draftAppPackageSchema),
  },
  { error: typeError },
);

export const MATERIAL_KINDS = [
  'subject_certificate',
  'certificate_front',
  'certificate_back',
  'domain_real_name',
  'commitment_letter',
  'authorization_letter',
  'residence_permit',
  'pre_approval',
  'site_plan',
  'app_icon',
  'other',
] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const draftMaterialSchema = z.object(
  {
    kind: z.optional(z.enum(MATERIAL_KINDS, { error: typeError })),
    fileId: text,
    /** The draft path the material belongs to, e.g. `websites.0` or `subjectPrincipal`. */
    target: text,
    /** Signing date of letters (授权书/承诺书), ISO date. */
    signedAt: text,
  },
  { error: typeError },
);

export const draftAgreementsSchema = z.object({ privacy: flag, terms: flag, commitment: flag }, { error: typeError });

/**
 * 注销 / 取消接入: the services chosen, the declaration typed and whom MIIT texts, copied from the record by the server
 * (`PUT /api/orders/:id/cancellation`), which checks them again at submission.
 */
export const draftCancellationSchema = z.object(
  {
    serviceIds: texts,
    declaration: text,
    principals: list(
      z.object(
        {
          role: z.optional(z.enum(['subject_principal', 'service_principal'], { error: typeError })),
          mobile: secret('mobile'),
          certificateNumber: secret('certificate_number'),
        },
        { error: typeError },
      ),
    ),
  },
  { error: typeError },
);

export const draftSchema = z.object(
  {
    subject: z.optional(draftSubjectSchema),
    subjectPrincipal: z.optional(draftPrincipalSchema),
    websites: list(draftWebsiteSchema),
    apps: list(draftAppSchema),
    materials: list(draftMaterialSchema),
    agreements: z.optional(draftAgreementsSchema),
    cancellation: z.optional(draftCancellationSchema),
  },
  { error: typeError },
);

export type Draft = z.infer<typeof draftSchema>;

/** The draft's personal fields by path pattern (`websites.*.principal.mobile` → `mobile`), from the marks above. */
export const PERSONAL_DRAFT_FIELDS: ReadonlyMap<string, PersonalKind> = personalPaths(draftSchema);

/** The most one draft section may hold, as JSON: stored encrypted as one value of at most 64 KB. */
export const DRAFT_SECTION_MAX_BYTES = 48 * 1024;
export type DraftSubject = z.infer<typeof draftSubjectSchema>;
export type DraftPrincipal = z.infer<typeof draftPrincipalSchema>;
export type DraftWebsite = z.infer<typeof draftWebsiteSchema>;
export type DraftApp = z.infer<typeof draftAppSchema>;
export type DraftAppPackage = z.infer<typeof draftAppPackageSchema>;
export type DraftMaterial = z.infer<typeof draftMaterialSchema>;
