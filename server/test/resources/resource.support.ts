import { randomUUID } from 'node:crypto';
import { addMonths, chinaDate, type RegisterResourceRequest, type ResourceChoice } from '@beian/shared';
import { asNewPerson, personalDraft, principal, website } from '@beian/shared/testing';
import { freshMobile } from '../support/filing-flow';
import { submittableMedia } from '../support/media-fixtures';
import { devLogin, type TestApp } from '../support/test-app';
import { PERSONAL_WEBSITE, type Client } from '../regulator/workflow.support';

/** Noon (China time) of the day `months` calendar months after the app clock's China date, plus `days`. */
export function chinaNoonIn(t: TestApp, months: number, days = 0): string {
  const date = addMonths(chinaDate(t.clock.now()), months);
  return new Date(new Date(`${date}T12:00:00+08:00`).getTime() + days * 86_400_000).toISOString();
}

/** An eligible CVM: 广州, public IP, 包年包月, 12 months bought, 6 months left. */
export function cvm(t: TestApp, over: Partial<RegisterResourceRequest> = {}): RegisterResourceRequest {
  return { type: 'cvm', region: 'ap-guangzhou', publicIp: '203.0.113.10', billingMode: 'prepaid', termMonths: 12, expiresAt: chinaNoonIn(t, 6), ...over };
}

/** Staff registering an account's instances in the simulated inventory. */
/** The rules that make the caller's instance ineligible in the picker (`['at_quota']` once it is full). */
export async function ineligibilityOf(client: Client, instanceId: string): Promise<string[] | undefined> {
  return (await client.get<ResourceChoice[]>('/api/resources')).body.find((c) => c.instanceId === instanceId)?.reasons.map((r) => r.rule);
}

export function inventory(admin: Client, accountId: string) {
  return {
    register: (instanceId: string, body: RegisterResourceRequest) => admin.put(`/api/admin/accounts/${accountId}/resources/${instanceId}`, body),
    refund: (instanceId: string) => admin.post(`/api/admin/accounts/${accountId}/resources/${instanceId}/refund`),
  };
}

/** A new applicant's personal website filing naming `instanceId`, made submittable (not submitted). */
export async function readyFiling(t: TestApp, instanceId: string) {
  const applicant = await devLogin(t.url, `applicant-${randomUUID().slice(0, 8)}`);
  const mobile = freshMobile();
  const draft = asNewPerson(
    personalDraft({
      subjectPrincipal: { validFrom: '2020-01-01', validTo: '2040-01-01', mobile, email: 'zhangsan@example.com' },
      websites: [website({ domains: [`res-${randomUUID().slice(0, 8)}.com`], resource: { type: 'instance', instanceId }, principal: principal({ mobile }) })],
    }),
  );
  const order = (await applicant.client.post('/api/orders', PERSONAL_WEBSITE)).body as { id: string };
  await applicant.client.kit.makeSubmittable(order.id, draft, await submittableMedia());
  return { ...applicant, orderId: order.id, mobile, draft };
}
