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

/** The principals of a draft; a personal subject's principal is the person, whose certificate is the subject's. */
function contactsOf(draft: DraftTree): Contact[] {
  const contacts: Contact[] = [];
  const subject = record(draft.subject);
  const subjectPrincipal = record(draft.subjectPrincipal);
  // Without the previous filing to compare with, every part of a 变更 order counts as changed.
  if (text(subjectPrincipal.mobile)) {
    contacts.push({
      role: 'subject_principal',
      mobile: text(subjectPrincipal.mobile),
      changed: true,
      certificateNumber: text(subjectPrincipal.certificateNumber) || text(subject.certificateNumber),
    });
  }
  for (const service of [...((draft.websites as unknown[]) ?? []), ...((draft.apps as unknown[]) ?? [])]) {
    const principal = record(record(service).principal);
    if (text(principal.mobile)) {
      contacts.push({ role: 'service_principal', mobile: text(principal.mobile), changed: true, certificateNumber: text(principal.certificateNumber) });
    }
  }
  // 注销 orders carry the principals on record whom MIIT texts (the draft holds no filing form).
  const cancellation = record(draft.cancellation);
  for (const principal of Array.isArray(cancellation.principals) ? (cancellation.principals as unknown[]) : []) {
    const p = record(principal);
    const role = p.role === 'subject_principal' ? 'subject_principal' : 'service_principal';
    if (text(p.mobile)) contacts.push({ role, mobile: text(p.mobile), changed: true, certificateNumber: text(p.certificateNumber) });
  }
  return contacts;
}

/** Who MIIT texts for this order (one SMS per mobile; none for 取消接入), with what each must enter. */
export function smsRecipientsOf(kind: OrderKind, draft: DraftTree): SmsRecipient[] {
  const contacts = contactsOf(draft);
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
