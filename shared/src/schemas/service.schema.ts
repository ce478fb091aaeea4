import { z } from 'zod/mini';
import { PRE_APPROVAL_TYPES } from '../catalog/pre-approvals.catalog';
import { LANGUAGES } from '../catalog/service-options.catalog';
import { isOrderKind, ORDER_KINDS } from '../workflow';
import { normalizeIcpNumber, validateRemark, validateServiceIcpNumber } from '../validate';
import type { DraftFacts } from './draft-facts';
import { draftDomainHolderSchema } from './draft.schema';
import { addFieldIssue, crossFieldCheck, optionalText, requiredChoice, requiredChoices, requiredText, textAt } from './field.schema';
import { principalSchema } from './principal.schema';
import { typeError } from './zod-field-errors';

const PRE_APPROVAL_KEYS = PRE_APPROVAL_TYPES.map((type) => type.key);
/** Kinds whose services already carry a service number (网站/APP 备案号). */
const KINDS_WITH_SERVICE_NUMBER = ['access_filing', 'change_service'];

/** The wizard shows each service's 网站/APP 备案号 for this kind. */
export function asksServiceIcpNumber(kind: string): boolean {
  return KINDS_WITH_SERVICE_NUMBER.includes(kind);
}

function resourceSchema() {
  return z
    .object(
      {
        type: requiredChoice(['instance', 'authorization_code', 'service_code']),
        instanceId: optionalText(),
        authorizationCode: optionalText(),
        serviceCode: optionalText(),
      },
      { error: typeError },
    )
    .check(
      crossFieldCheck((resource, report) => {
        if (resource.type === 'instance' && !textAt(resource, 'instanceId')) report('instanceId', 'RESOURCE_ID_REQUIRED');
        if (resource.type === 'authorization_code' && !textAt(resource, 'authorizationCode')) {
          report('authorizationCode', 'AUTHORIZATION_CODE_REQUIRED');
        }
        if (resource.type === 'service_code' && !textAt(resource, 'serviceCode')) report('serviceCode', 'SERVICE_CODE_REQUIRED');
      }),
    );
}

/** 前置审批: units declare each approval with its number and document; personal filings have none. */
function preApprovalsSchema(facts: DraftFacts) {
  const item = z.object({ type: requiredChoice(PRE_APPROVAL_KEYS), approvalNumber: requiredText(), fileId: requiredText() }, { error: typeError });
  const list = z.array(item, { error: typeError });
  if (facts.ctx.subjectType === 'unit') return z.optional(list);
  return z.optional(
    list.check(
      z.superRefine((items, ctx) => {
        if (items.length > 0) addFieldIssue(ctx, 'PRE_APPROVAL_UNIT_ONLY');
      }),
    ),
  );
}

/** Fields every service (website or APP) has. */
export function serviceShape(facts: DraftFacts, serviceContents: readonly string[]) {
  const subjectNumber = facts.subjectIcpNumber ? normalizeIcpNumber(facts.subjectIcpNumber) : undefined;
  const serviceNumber = (value: string) => {
    const result = validateServiceIcpNumber(value);
    if (result.ok && subjectNumber && result.value.subjectNumber !== subjectNumber) return { ok: false, code: 'SERVICE_ICP_NUMBER_OTHER_SUBJECT' } as const;
    return result;
  };
  const filing = isOrderKind(facts.ctx.kind) && ORDER_KINDS[facts.ctx.kind].group === 'filing';
  return {
    name: requiredText(),
    serviceContent: requiredChoices(serviceContents),
    languages: requiredChoices(LANGUAGES.map((language) => language.key)),
    preApprovals: preApprovalsSchema(facts),
    remark: optionalText(validateRemark),
    resource: filing ? resourceSchema() : z.optional(resourceSchema()),
    icpNumber: KINDS_WITH_SERVICE_NUMBER.includes(facts.ctx.kind) ? requiredText(serviceNumber) : optionalText(serviceNumber),
    principal: principalSchema(facts, 'service'),
    domainHolders: z.optional(z.array(draftDomainHolderSchema, { error: typeError })),
  };
}
