import { MATERIAL_KINDS, precheck, validateStep, type FilingContext, type MaterialKind } from '@beian/shared';
import type { DraftTree } from '../../utils/draft-path.util';
import { invitedPrincipalPaths } from './invited-principals.util';

export interface RequiredMaterial {
  kind: MaterialKind;
  target: string;
  label: string;
  /** What the bureau wants to know about it (province extras). */
  note?: string;
  /** Letters carry the date they were signed. */
  signed?: boolean;
}

const LETTERS: readonly MaterialKind[] = ['commitment_letter', 'authorization_letter'];
/** Pre-check codes that ask for a document of the whole order. */
const DOCUMENT_CODES: Readonly<Record<string, MaterialKind>> = {
  RESIDENCE_PERMIT_REQUIRED: 'residence_permit',
  AUTHORIZATION_LETTER_REQUIRED: 'authorization_letter',
};
const DOCUMENT_LABELS: Partial<Record<MaterialKind, string>> = {
  residence_permit: '居住证',
  authorization_letter: '授权书',
  commitment_letter: '承诺书',
  site_plan: '网站建设方案书',
};

function count(draft: DraftTree, list: 'websites' | 'apps'): number {
  return Array.isArray(draft[list]) ? (draft[list] as unknown[]).length : 0;
}

/** Every (kind, target) a material of this draft could have. */
function candidates(draft: DraftTree): { kind: MaterialKind; target: string }[] {
  const principals = ['subjectPrincipal'];
  const out: { kind: MaterialKind; target: string }[] = [{ kind: 'subject_certificate', target: 'subject' }];
  for (let i = 0; i < count(draft, 'websites'); i++) {
    principals.push(`websites.${i}.principal`);
    out.push({ kind: 'domain_real_name', target: `websites.${i}` });
  }
  for (let i = 0; i < count(draft, 'apps'); i++) {
    principals.push(`apps.${i}.principal`);
    out.push({ kind: 'app_icon', target: `apps.${i}` });
  }
  for (const target of principals) out.push({ kind: 'certificate_front', target }, { kind: 'certificate_back', target });
  return out;
}

/**
 * The uploads this order needs, asked of the shared rules rather than repeated here: a candidate is required when
 * the materials step reports it missing with every other candidate present; the province's extra documents are
 * the pre-check's findings on `materials`.
 */
export function requiredMaterials(draft: DraftTree, ctx: FilingContext): RequiredMaterial[] {
  const invited = invitedPrincipalPaths(draft, ctx.subjectType);
  const all = candidates(draft);
  const required: RequiredMaterial[] = all.flatMap((candidate) => {
    const others = all.filter((other) => other !== candidate).map((other) => ({ ...other, fileId: 'present' }));
    const missing = validateStep('materials', { ...draft, materials: others }, ctx).find((error) => error.code === 'MATERIAL_REQUIRED');
    // An invited principal uploads their own ID photos in the invitation.
    return missing && !invited.includes(candidate.target) ? [{ ...candidate, label: missing.message.replace(/^请上传/, '') }] : [];
  });
  const findings = precheck({ ...draft, materials: [] }, { ...ctx, now: ctx.now ?? new Date() });
  for (const finding of findings) {
    if (finding.path !== 'materials') continue;
    const byCode = DOCUMENT_CODES[finding.code];
    const suffix = /^DOCUMENT_REQUIRED_(.+)$/.exec(finding.code)?.[1]?.toLowerCase();
    const kind = byCode ?? (MATERIAL_KINDS as readonly string[]).find((key) => key === suffix);
    if (!kind || required.some((item) => item.kind === kind)) continue;
    required.push({
      kind: kind as MaterialKind,
      target: 'order',
      label: DOCUMENT_LABELS[kind as MaterialKind] ?? '补充材料',
      note: finding.message,
      signed: LETTERS.includes(kind as MaterialKind),
    });
  }
  return required;
}
