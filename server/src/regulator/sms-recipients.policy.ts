import { lastSixForSms, resolveSmsRecipients, smsRecipients, type OrderKind, type PrincipalContact, type SmsRecipientRole } from '@beian/shared';
import type { DraftTree } from '../order-core/order-draft.store';

export interface SmsRecipient {
  mobile: string;
  roles: SmsRecipientRole[];
  /** What MIIT's form asks besides the code: the last six characters of the principal's certificate number. */
  certLastSix: string;
}

type Contact = PrincipalContact & { certificateNumber: string };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** A principal's part, for comparing the order with the record: who they are and how to reach them. */
const partOf = (principal: Record<string, unknown>): string =>
  JSON.stringify(['name', 'certificateType', 'certificateNumber', 'mobile', 'email'].map((key) => text(principal[key]).trim().toUpperCase()));

/**
 * The principals of a draft; a personal subject's principal is the person, whose certificate is the subject's. With
 * the record a 变更 order changes, a principal counts as changed when their part of the subject or service differs;
 * without it, every principal counts as changed.
 */
function contactsOf(draft: DraftTree, recorded: DraftTree | null): Contact[] {
  const contacts: Contact[] = [];
  const subject = record(draft.subject);
  const subjectPrincipal = record(draft.subjectPrincipal);
  if (text(subjectPrincipal.mobile)) {
    contacts.push({
      role: 'subject_principal',
      mobile: text(subjectPrincipal.mobile),
      changed: !recorded || subjectPartChanged(draft, recorded),
      certificateNumber: text(subjectPrincipal.certificateNumber) || text(subject.certificateNumber),
    });
  }
  const before = recorded ? servicesOf(recorded) : [];
  servicesOf(draft).forEach((service, index) => {
    const principal = record(service.principal);
    if (!text(principal.mobile)) return;
    const changed = !recorded || JSON.stringify(service) !== JSON.stringify(before[index]);
    contacts.push({ role: 'service_principal', mobile: text(principal.mobile), changed, certificateNumber: text(principal.certificateNumber) });
  });
  // 注销 orders carry the principals on record whom MIIT texts (the draft holds no filing form).
  const cancellation = record(draft.cancellation);
  for (const principal of Array.isArray(cancellation.principals) ? (cancellation.principals as unknown[]) : []) {
    const p = record(principal);
    const role = p.role === 'subject_principal' ? 'subject_principal' : 'service_principal';
    if (text(p.mobile)) contacts.push({ role, mobile: text(p.mobile), changed: true, certificateNumber: text(p.certificateNumber) });
  }
  return contacts;
}

const servicesOf = (draft: DraftTree): Record<string, unknown>[] =>
  [...((draft.websites as unknown[]) ?? []), ...((draft.apps as unknown[]) ?? [])].map(record);

/** The subject principal answers for the subject's data and for themselves. */
function subjectPartChanged(draft: DraftTree, recorded: DraftTree): boolean {
  return (
    JSON.stringify(record(draft.subject)) !== JSON.stringify(record(recorded.subject)) ||
    partOf(record(draft.subjectPrincipal)) !== partOf(record(recorded.subjectPrincipal))
  );
}

/** Who MIIT texts for this order (one SMS per mobile; none for 取消接入; for 变更 only the changed parts' principals), with what each must enter. */
export function smsRecipientsOf(kind: OrderKind, draft: DraftTree, recorded: DraftTree | null = null): SmsRecipient[] {
  const contacts = contactsOf(draft, recorded);
  const texted = new Set(smsRecipients(kind).map((rule) => rule.role));
  return resolveSmsRecipients(kind, contacts).map((mobile) => {
    const same = contacts.filter((c) => c.mobile === mobile && texted.has(c.role));
    return {
      mobile,
      roles: [...new Set(same.map((c) => c.role))],
      certLastSix: lastSixForSms(same.find((c) => c.certificateNumber)?.certificateNumber ?? ''),
    };
  });
}
