import { cancellationDeclaration, type CancellationKind, type CancellationView, type Draft, type DevMailMessage } from '@beian/shared';
import { PERSON_ID_LAST_SIX, website, type ApiTestKit } from '@beian/shared/testing';
import { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import { approveSubmitted, submitFiling, type Applicant, type WorkflowDriver } from './filing-flow';
import type { TestApp } from './test-app';

/** Long enough for the simulated MIIT to take an SMS answer and the 管局 to decide. */
const SETTLE_MS = 30 * 60_000;

export interface FiledSubject {
  applicant: Applicant;
  subjectId: string;
  subjectName: string;
  serviceIds: string[];
  numbers: string[];
  /** Every principal's mobile (the fixture's people are one person). */
  mobile: string;
  draft: Draft;
}

/** A personal subject approved with `services` websites (首次备案, then 新增服务 for each further one), by `applicant` or a new one. */
export async function filedSubject(
  t: TestApp,
  w: WorkflowDriver,
  reviewer: ApiTestKit,
  services = 1,
  draft0?: Draft,
  applicant?: Applicant,
): Promise<FiledSubject> {
  const first = await submitFiling(t, w, { ...(draft0 ? { draft: draft0 } : {}), ...(applicant ? { applicant } : {}) });
  const draft = first.draft;
  const progress = await approveSubmitted(w, first.applicant, first.orderId, draft, reviewer);
  const subjectId = (await t.db.manager.findOneByOrFail(FilingOrderEntity, { id: first.orderId })).subjectId!;
  const numbers = [...(progress.numbers ?? [])];
  for (let n = 2; n <= services; n++) {
    const request = { kind: 'add_service_local', subjectType: 'personal', serviceType: 'website', subjectId } as const;
    const { subject: _, ...rest } = draft;
    const more = {
      ...rest,
      websites: [website({ name: `第${n}个网站`, domains: [`site${n}-${subjectId.slice(0, 8)}.example.cn`], principal: draft.websites![0]!.principal })],
    };
    const added = await submitFiling(t, w, { applicant: first.applicant, request, draft: more });
    numbers.push(...((await approveSubmitted(w, first.applicant, added.orderId, added.draft, reviewer)).numbers ?? []).slice(1));
  }
  const listed = (await first.applicant.client.get(`/api/filings/subjects/${subjectId}`)).body.services as { id: string }[];
  return {
    applicant: first.applicant,
    subjectId,
    subjectName: draft.subject!.name!,
    serviceIds: listed.map((s) => s.id),
    numbers,
    mobile: draft.subjectPrincipal!.mobile!,
    draft,
  };
}

/** A cancellation order of `kind` on the subject, its services chosen. */
export async function startCancellation(filed: FiledSubject, kind: CancellationKind, serviceIds: string[]) {
  const created = await filed.applicant.client.post('/api/orders', { kind, subjectType: 'personal', serviceType: 'website', subjectId: filed.subjectId });
  if (created.status !== 201) throw new Error(`create ${kind} failed: ${JSON.stringify(created.body)}`);
  const chosen = await filed.applicant.client.put<CancellationView>(`/api/orders/${created.body.id}/cancellation`, { serviceIds });
  if (chosen.status !== 200) throw new Error(`choose services failed: ${JSON.stringify(chosen.body)}`);
  return { orderId: created.body.id as string, view: chosen.body };
}

/** The code sent by SMS to the principal on record, read from the dev outbox and entered with the declaration. */
export async function confirmBySms(filed: FiledSubject, orderId: string, declaration: string | null) {
  const sent = await filed.applicant.client.post(`/api/orders/${orderId}/cancellation/codes`, { channel: 'sms' });
  if (sent.status !== 201) throw new Error(`code failed: ${JSON.stringify(sent.body)}`);
  const [message] = await filed.applicant.client.kit.devSmsOutbox(filed.mobile);
  return filed.applicant.client.post<CancellationView>(`/api/orders/${orderId}/cancellation/verify`, {
    channel: 'sms',
    code: message!.code,
    ...(declaration ? { declaration } : {}),
  });
}

export async function devMail(kit: ApiTestKit, email: string): Promise<DevMailMessage[]> {
  return kit.ok('dev mailbox', 'POST', '/api/dev/mailbox/search', { email });
}

/** Submitted, then (注销) the MIIT SMS answered by every texted principal, then the 管局 script decides. */
export async function throughRegulator(
  w: WorkflowDriver,
  filed: FiledSubject,
  reviewer: ApiTestKit,
  orderId: string,
  outcome: 'approve' | 'reject' = 'approve',
) {
  const kit = filed.applicant.client.kit;
  const sent = await reviewer.call<{ text: string }[]>('POST', '/api/regulator-sim/sms/search', { mobile: filed.mobile });
  const code = /验证码为 (\d{6})/.exec(sent.body.at(-1)?.text ?? '')?.[1];
  if (code && (await kit.progress(orderId)).status === 'sms_verification')
    await kit.ok('MIIT SMS verification', 'POST', '/api/regulator-sim/sms-verify', { mobile: filed.mobile, code, certLastSix: PERSON_ID_LAST_SIX });
  await w.advance(SETTLE_MS);
  const body = outcome === 'approve' ? { outcome, afterWorkingDays: 0 } : { outcome, afterWorkingDays: 0, reasons: ['材料不符'] };
  await reviewer.ok('管局 script', 'POST', `/api/regulator-sim/orders/${orderId}/script`, body);
  await w.advance(SETTLE_MS);
  return kit.progress(orderId);
}

/** 注销主体, or 注销服务 / 取消接入 of every service of the subject, confirmed by SMS, submitted and decided by the 管局. */
export async function cancelAll(w: WorkflowDriver, subject: FiledSubject, reviewer: ApiTestKit, kind: 'cancel_service' | 'cancel_access' | 'cancel_subject') {
  const { orderId } = await startCancellation(subject, kind, kind === 'cancel_subject' ? [] : subject.serviceIds);
  const confirmed = await confirmBySms(subject, orderId, cancellationDeclaration(kind, subject.subjectName));
  if (confirmed.status !== 200) throw new Error(`cancellation confirmation failed: ${JSON.stringify(confirmed.body)}`);
  await subject.applicant.client.kit.ok('submit', 'POST', `/api/orders/${orderId}/submit`, {});
  await w.drain();
  return throughRegulator(w, subject, reviewer, orderId);
}
