import { ApiTestKit } from '@beian/shared/testing';
import type { LoginResponse, OrderProgress, OrderSummary } from '@beian/shared';
import { eventually } from './eventually';
import type { ServerProcess } from './server-process';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * What the other actors do after the applicant submits, through the API: the reviewer approves 初审, the simulated
 * 管局 is scripted to approve, the principal answers MIIT's SMS, and simulated time runs until 备案成功. Needs a
 * server with CLOCK=controllable and the simulators. Answers the applicant's session (sessions expire over the weeks).
 */
export async function approveSubmittedOrder(
  server: ServerProcess,
  applicant: string,
  orderId: string,
  sms: { mobile: string; certLastSix: string },
): Promise<ApiTestKit & { login: LoginResponse }> {
  const reviewer = await new ApiTestKit(server.url).devLogin('审核员1');
  let applicantApi = await new ApiTestKit(server.url).devLogin(applicant);
  const status = async () => (await applicantApi.call<OrderProgress>('GET', `/api/orders/${orderId}/progress`)).body.status;
  const becomes = (expected: string) => eventually(`order ${orderId} ${expected}`, async () => ((await status()) === expected ? true : undefined), 30_000);
  const advance = async (ms: number) => void (await reviewer.ok('advance the clock', 'POST', '/api/dev/clock/advance', { ms }));

  const texts = async () => (await applicantApi.call<{ text: string }[]>('GET', `/api/regulator-sim/sms?mobile=${sms.mobile}`)).body;
  // The principal may hold codes of earlier filings: only a text that arrives after this submission counts.
  const earlier = (await texts()).length;

  await reviewer.confirmFaceChecks(orderId);
  await reviewer.ok('初审 approval', 'POST', `/api/review/orders/${orderId}/approve`);
  await reviewer.ok('script the 管局', 'POST', `/api/regulator-sim/orders/${orderId}/script`, { outcome: 'approve', afterWorkingDays: 1 });
  await advance(6 * MINUTE);
  await becomes('sms_verification');
  const code = await eventually('the verification SMS', async () => {
    const sent = await texts();
    return sent.length > earlier ? /(\d{6})/.exec(sent.at(-1)?.text ?? '')?.[1] : undefined;
  });
  await new ApiTestKit(server.url).ok('MIIT SMS verification', 'POST', '/api/regulator-sim/sms-verify', {
    mobile: sms.mobile,
    code,
    certLastSix: sms.certLastSix,
  });
  await advance(61 * MINUTE);
  await becomes('regulator_review');
  await advance(15 * DAY);
  applicantApi = await new ApiTestKit(server.url).devLogin(applicant);
  await becomes('approved');
  return applicantApi;
}

/**
 * The 管局's part of a 注销 / 取消接入 the applicant just submitted (their newest order), through the API: scripted to
 * approve, the MIIT SMS answered when the kind texts the principal (注销 does, 取消接入 does not), time run until approved.
 */
export async function regulatorApprovesCancellation(
  server: ServerProcess,
  applicant: string,
  sms: { mobile: string; certLastSix: string },
  texted: boolean,
): Promise<void> {
  const reviewer = await new ApiTestKit(server.url).devLogin('审核员1');
  let api = await new ApiTestKit(server.url).devLogin(applicant);
  const [order] = await api.ok<OrderSummary[]>('orders', 'GET', '/api/orders');
  const status = async () => (await api.call<OrderProgress>('GET', `/api/orders/${order!.id}/progress`)).body.status;
  const becomes = (expected: string) => eventually(`order ${expected}`, async () => ((await status()) === expected ? true : undefined), 30_000);
  const advance = async (ms: number) => void (await reviewer.ok('advance the clock', 'POST', '/api/dev/clock/advance', { ms }));
  await reviewer.ok('script the 管局', 'POST', `/api/regulator-sim/orders/${order!.id}/script`, { outcome: 'approve', afterWorkingDays: 1 });
  await advance(6 * MINUTE);
  if (texted) {
    await becomes('sms_verification');
    const code = await eventually('the MIIT SMS', async () => {
      const sent = (await api.call<{ text: string }[]>('GET', `/api/regulator-sim/sms?mobile=${sms.mobile}`)).body;
      return /(\d{6})/.exec(sent.at(-1)?.text ?? '')?.[1];
    });
    await new ApiTestKit(server.url).ok('MIIT SMS verification', 'POST', '/api/regulator-sim/sms-verify', { ...sms, code });
    await advance(61 * MINUTE);
  }
  await becomes('regulator_review');
  await advance(15 * DAY);
  // Sessions expire over the weeks.
  api = await new ApiTestKit(server.url).devLogin(applicant);
  await becomes('approved');
}
