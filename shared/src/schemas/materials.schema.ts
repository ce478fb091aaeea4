import { z } from 'zod/mini';
import type { DraftFacts } from './draft-facts';
import { MATERIAL_KINDS, type MaterialKind } from './draft.schema';
import { crossFieldCheck, optionalText, requiredChoice, requiredText } from './field.schema';
import { typeError } from './zod-field-errors';

function isoDate(value: string) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? ({ ok: true } as const) : ({ ok: false, code: 'DATE_FORMAT' } as const);
}

export function materialSchema() {
  return z.object(
    {
      kind: requiredChoice(MATERIAL_KINDS),
      fileId: requiredText(),
      target: optionalText(),
      signedAt: optionalText(isoDate),
    },
    { error: typeError },
  );
}

interface RequiredMaterial {
  kind: MaterialKind;
  target: string;
  label: string;
}

function listAt(root: Record<string, unknown>, key: string): unknown[] {
  const value = root[key];
  return Array.isArray(value) ? value : [];
}

function certificateTypeOf(principal: unknown): unknown {
  return typeof principal === 'object' && principal !== null ? (principal as Record<string, unknown>).certificateType : undefined;
}

/** The uploads every order needs whatever the province: certificate photos, domain real-name screenshots, APP icons. */
function requiredMaterials(root: Record<string, unknown>, facts: DraftFacts): RequiredMaterial[] {
  const required: RequiredMaterial[] = [];
  if (facts.ctx.subjectType === 'unit') required.push({ kind: 'subject_certificate', target: 'subject', label: '主办单位证件照片' });
  const photos = (target: string, who: string, type: unknown) => {
    required.push({ kind: 'certificate_front', target, label: `${who}证件照片（人像面）` });
    // Only the 居民身份证 has a back side (国徽面) to photograph.
    if (type === 'resident_id') required.push({ kind: 'certificate_back', target, label: `${who}证件照片（国徽面）` });
  };
  const subjectPrincipalType = facts.ctx.subjectType === 'personal' ? facts.subjectCertificateType : certificateTypeOf(root.subjectPrincipal);
  if (root.subjectPrincipal !== undefined) photos('subjectPrincipal', '主体负责人', subjectPrincipalType);
  listAt(root, 'websites').forEach((website, i) => {
    photos(`websites.${i}.principal`, `网站${i + 1}负责人`, certificateTypeOf((website as Record<string, unknown> | null)?.principal));
    required.push({ kind: 'domain_real_name', target: `websites.${i}`, label: `网站${i + 1}的域名实名认证截图` });
  });
  listAt(root, 'apps').forEach((app, i) => {
    photos(`apps.${i}.principal`, `APP${i + 1}负责人`, certificateTypeOf((app as Record<string, unknown> | null)?.principal));
    required.push({ kind: 'app_icon', target: `apps.${i}`, label: `APP${i + 1}的图标` });
  });
  return required;
}

/** 上传材料: the uploaded files, and every upload this draft needs. Province extras are pre-check findings. */
export function materialsStepSchema(facts: DraftFacts) {
  return z.looseObject({ materials: z.array(materialSchema(), { error: typeError }) }).check(
    crossFieldCheck((root, report) => {
      const uploaded = listAt(root, 'materials').flatMap((item) => (typeof item === 'object' && item !== null ? [item as Record<string, unknown>] : []));
      for (const need of requiredMaterials(root, facts)) {
        if (!uploaded.some((item) => item.kind === need.kind && item.target === need.target)) {
          report('materials', 'MATERIAL_REQUIRED', `请上传${need.label}`);
        }
      }
    }),
  );
}
