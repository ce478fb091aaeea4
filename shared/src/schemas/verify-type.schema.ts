import { z } from 'zod/mini';
import type { DraftFacts } from './draft-facts';
import { requiredList, requiredText, section } from './field.schema';
import { serviceShape } from './service.schema';
import { subjectChecks, subjectShape } from './subject.schema';
import { domainListSchema } from './website.schema';
import { typeError } from './zod-field-errors';

const VERIFY_SUBJECT_FIELDS = [
  'regionCode',
  'nature',
  'certificateType',
  'certificateNumber',
  'name',
  'legalRepName',
  'legalRepCertificateType',
  'legalRepCertificateNumber',
] as const;

/**
 * 验证备案类型: the subject's identity, the service type's first fact (domain or APP name) and the cloud
 * resource. These fields are fixed once the type is verified.
 */
export function verifyTypeSchema(facts: DraftFacts) {
  const subject: Record<string, z.core.SomeType> = subjectShape(facts);
  const picked = Object.fromEntries(VERIFY_SUBJECT_FIELDS.flatMap((key) => (subject[key] ? [[key, subject[key]]] : []))) as Record<string, z.core.SomeType>;
  const resource = serviceShape(facts, []).resource;
  const services =
    facts.ctx.serviceType === 'app'
      ? { apps: requiredList(z.object({ name: requiredText(), resource }, { error: typeError })) }
      : { websites: requiredList(z.object({ domains: domainListSchema(facts), resource }, { error: typeError })) };
  return z.object({ subject: section(z.object(picked, { error: typeError }).check(subjectChecks(facts))), ...services }, { error: typeError });
}
