import { randomUUID } from 'node:crypto';
import type { CreateOrderRequest, Draft, OrderProgress } from '@beian/shared';
import { PERSON_ID_LAST_SIX, PERSONAL_WEBSITE, personalDraft, website, withFreshPerson, type ApiTestKit } from '@beian/shared/testing';
import { submittableMedia } from './media-fixtures';
import { devLogin, type TestApp } from './test-app';

export { freshMobile, withFreshPerson } from '@beian/shared/testing';

/** The part of the regulator workflow driver (`workflow(t)`) the filing flows need. */
export interface WorkflowDriver {
  drain(): Promise<void>;
  advance(ms: number): Promise<void>;
}

/** Long enough for the simulated MIIT to take an SMS answer and hand the order to the 管局. */
const SETTLE_MS = 30 * 60_000;

export interface FilingOptions {
  /** The applicant filing it; a new one when absent. */
  applicant?: Applicant;
  request?: CreateOrderRequest;
  /**
   * The draft to save: a fresh person's personal website filing (withFreshPerson) when absent. Sections it leaves
   * out keep what the order was created with (新增服务 starts with the subject copied from the record).
   */
  draft?: Draft;
}

export type Applicant = Awaited<ReturnType<typeof devLogin>>;

/** An order created, made submittable and submitted through the API by the applicant (a new one unless given). */
export async function submitFiling(t: TestApp, w: WorkflowDriver, options: FilingOptions = {}) {
  const applicant = options.applicant ?? (await devLogin(t.url, `applicant-${randomUUID().slice(0, 8)}`));
  const draft = options.draft ?? withFreshPerson(personalDraft());
  const order = await applicant.client.kit.createOrder(options.request ?? PERSONAL_WEBSITE);
  const ready = await applicant.client.kit.makeSubmittable(order.id, draft, await submittableMedia());
  await applicant.client.kit.submit(order.id);
  await w.drain();
  return { applicant, orderId: order.id, draft: ready };
}

/** The order approved through 初审, the MIIT SMS and the 管局 (the record is written): its progress with the numbers. */
export async function approveSubmitted(w: WorkflowDriver, applicant: Applicant, orderId: string, draft: Draft, reviewer: ApiTestKit): Promise<OrderProgress> {
  const mobiles = [
    draft.subjectPrincipal?.mobile,
    ...(draft.websites ?? []).map((s) => s.principal?.mobile),
    ...(draft.apps ?? []).map((s) => s.principal?.mobile),
  ];
  return applicant.client.kit.approveSubmitted(
    orderId,
    reviewer,
    mobiles.filter((m): m is string => Boolean(m)),
    PERSON_ID_LAST_SIX,
    () => w.advance(SETTLE_MS),
  );
}

/** A first filing (a fresh person's personal website unless `draft` says otherwise) submitted and approved: the record has its subject. */
export async function approveFirstFiling(t: TestApp, w: WorkflowDriver, reviewer: ApiTestKit, options: FilingOptions = {}) {
  const filed = await submitFiling(t, w, options);
  const progress = await approveSubmitted(w, filed.applicant, filed.orderId, filed.draft, reviewer);
  return { ...filed, numbers: progress.numbers ?? [] };
}

/** 新增服务（本平台）of one more website under the applicant's subject, filed by the person of `filed` (the first filing's draft), approved. */
export async function approveAddedService(
  t: TestApp,
  w: WorkflowDriver,
  reviewer: ApiTestKit,
  { applicant, subjectId, domain, filed }: { applicant: Applicant; subjectId: string; domain: string; filed: Draft },
) {
  const request = { kind: 'add_service_local', subjectType: 'personal', serviceType: 'website', subjectId } as const;
  const { subject: _copiedFromTheRecord, ...rest } = filed;
  const draft = { ...rest, websites: [website({ name: '张三的旅行笔记', domains: [domain], principal: filed.websites![0]!.principal })] };
  const submitted = await submitFiling(t, w, { applicant, request, draft });
  const progress = await approveSubmitted(w, applicant, submitted.orderId, submitted.draft, reviewer);
  return { ...submitted, numbers: progress.numbers ?? [] };
}
