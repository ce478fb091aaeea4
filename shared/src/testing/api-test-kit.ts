/**
 * One typed client of the HTTP API for the tests of every package (server e2e tests, browser tests): plain `fetch`
 * against a real server's base URL. It sets up what another actor or an outside system did; a browser test still does
 * the person's own actions through the screen.
 */
import { BIOMETRIC_CONSENT_VERSION } from '../api/principals';
import type {
  ConsentRecord,
  CreateOrderRequest,
  CreateUploadRequest,
  DevSmsMessage,
  FaceChallenge,
  FaceCheckView,
  LoginResponse,
  MaterialFile,
  OrderDetail,
  OrderProgress,
  OrderSummary,
  RegisterResourceRequest,
  ResourceChoice,
  ReviewOrderDetail,
  SaveDraftRequest,
  SaveDraftResponse,
  SendSmsCodeResponse,
  SmsVerification,
  UploadTicket,
} from '../api';
import type { Draft } from '../schemas';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A JSON answer: the status and the parsed body (`null` when empty). */
export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/** The part of the global `fetch` (Node 20, browsers) the kit uses: shared carries no DOM or Node typings. */
interface FetchAnswer {
  status: number;
  text(): Promise<string>;
}
type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string | Uint8Array }) => Promise<FetchAnswer>;

const globalFetch: Fetch = (url, init) => (globalThis as unknown as { fetch: Fetch }).fetch(url, init);

/** Files a filing needs besides the draft: any JPEG for every material photo, an MP4 selfie for the face check. */
export interface SubmittableMedia {
  photo: Uint8Array;
  video: Uint8Array;
}

/** An answer outside 2xx where the test's setup needed success. */
export class ApiSetupError extends Error {
  constructor(
    readonly what: string,
    readonly answer: ApiAnswer<unknown>,
  ) {
    super(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    this.name = 'ApiSetupError';
  }
}

/** Lets the server's jobs and outbox run between steps: a test drains them (or moves its clock), a running server polls. */
export type Settle = () => Promise<void>;

export const PERSONAL_WEBSITE: CreateOrderRequest = { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' };

export class ApiTestKit {
  constructor(
    readonly baseUrl: string,
    /** The session the calls are made with; none for anonymous calls. */
    readonly token?: string,
    private readonly fetch: Fetch = globalFetch,
  ) {}

  /** The same server with another session. */
  as(token: string): ApiTestKit {
    return new ApiTestKit(this.baseUrl, token, this.fetch);
  }

  /**
   * Any call, answered whatever its status: `T` is the body the caller expects of a 2xx answer. The body is sent as
   * JSON; a string is sent as it is (to test what the server makes of a malformed body).
   */
  async call<T = unknown>(method: HttpMethod, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
    const res = await this.fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** A call that must succeed (2xx): its body, or an `ApiSetupError` naming `what`. */
  async ok<T>(what: string, method: HttpMethod, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const answer = await this.call<T>(method, path, body, headers);
    if (answer.status < 200 || answer.status >= 300) throw new ApiSetupError(what, answer);
    return answer.body;
  }

  /** Logs in by nickname (embedded dev login) and answers a kit with that session. */
  async devLogin(nickname: string): Promise<ApiTestKit & { login: LoginResponse }> {
    const login = await this.ok<LoginResponse>(`dev login of ${nickname}`, 'POST', '/api/auth/dev-login', { nickname });
    return Object.assign(this.as(login.token), { login });
  }

  createOrder(request: CreateOrderRequest = PERSONAL_WEBSITE, idempotencyKey?: string): Promise<OrderDetail> {
    return this.ok('order creation', 'POST', '/api/orders', request, idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined);
  }

  orders(): Promise<OrderSummary[]> {
    return this.ok('order list', 'GET', '/api/orders');
  }

  /** `reveal`: the owner's personal data unmasked. */
  order(orderId: string, reveal = false): Promise<OrderDetail> {
    return this.ok('order', 'GET', `/api/orders/${orderId}${reveal ? '?reveal=true' : ''}`);
  }

  saveDraft(orderId: string, request: SaveDraftRequest): Promise<SaveDraftResponse> {
    return this.ok('draft save', 'PATCH', `/api/orders/${orderId}/draft`, request);
  }

  submit(orderId: string): Promise<OrderDetail> {
    return this.ok('submission', 'POST', `/api/orders/${orderId}/submit`, {});
  }

  /** Ticket → PUT of the bytes → confirm, as the mini-program uploads. */
  async upload(orderId: string, request: Omit<CreateUploadRequest, 'size'>, bytes: Uint8Array): Promise<MaterialFile> {
    const ticket = await this.ok<UploadTicket>(`upload ticket for ${request.kind}`, 'POST', `/api/orders/${orderId}/uploads`, {
      ...request,
      size: bytes.length,
    });
    // A path goes to the API; a full URL (presigned S3/COS) as it is.
    const url = ticket.uploadUrl.startsWith('/') ? `${this.baseUrl}${ticket.uploadUrl}` : ticket.uploadUrl;
    const put = await this.fetch(url, { method: ticket.method, headers: ticket.headers, body: bytes });
    const answer = { status: put.status, body: await put.text() };
    if (put.status < 200 || put.status >= 300) throw new ApiSetupError(`upload PUT of ${request.kind}`, answer);
    return this.ok(`upload confirm of ${request.kind}`, 'POST', `/api/uploads/${ticket.uploadId}/confirm`, {});
  }

  /** The embedded SMS default's messages to a mobile, newest first (simulators only). */
  devSmsOutbox(mobile: string): Promise<DevSmsMessage[]> {
    return this.ok('dev SMS outbox', 'GET', `/api/dev/sms-outbox?mobile=${mobile}`);
  }

  /** Proves a principal's mobile for an order: sends a code, reads it from the dev outbox, verifies it. */
  async verifyMobile(orderId: string, path: string, mobile: string): Promise<SmsVerification> {
    await this.ok<SendSmsCodeResponse>(`SMS code to ${mobile}`, 'POST', '/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    const [sent] = await this.devSmsOutbox(mobile);
    if (!sent?.code) throw new Error(`no SMS code in the dev outbox for ${mobile}`);
    return this.ok(`SMS verification of ${mobile}`, 'POST', '/api/sms/verify', { mobile, code: sent.code, orderId, path });
  }

  /** The biometric consent and a passed face check of the principal at `path`, recorded by the order's owner. */
  async faceCheck(orderId: string, path: string, video: Uint8Array): Promise<FaceCheckView> {
    const principal = `/api/orders/${orderId}/principals/${path}`;
    await this.ok<ConsentRecord>('biometric consent', 'POST', `${principal}/consent`, { version: BIOMETRIC_CONSENT_VERSION });
    const recording = await this.upload(orderId, { kind: 'face_video', target: path, contentType: 'video/mp4' }, video);
    const challenge = await this.ok<FaceChallenge>('face challenge', 'POST', `${principal}/face-check/challenge`, {});
    return this.ok('face check', 'POST', `${principal}/face-check`, { challengeId: challenge.challengeId, videoFileId: recording.fileId });
  }

  /** As a reviewer: confirms every face video the embedded verifier left for a person (初审通过 needs them confirmed). */
  async confirmFaceChecks(orderId: string): Promise<void> {
    const order = await this.ok<ReviewOrderDetail>('review order', 'GET', `/api/review/orders/${orderId}`);
    for (const check of order.faceChecks.filter((c) => c.status === 'pending_reviewer_confirmation')) {
      await this.ok('face check confirmation', 'POST', `/api/review/face-checks/${check.faceCheckId}/confirm`, { ok: true });
    }
  }

  /**
   * What the applicant does besides typing, through the real endpoints: uploads every material the draft lists, saves
   * the draft (the checks look up its people), proves each principal mobile by SMS code and records the subject
   * principal's own face check. Answers the draft with the real file ids.
   */
  async makeSubmittable(orderId: string, draft: Draft, media: SubmittableMedia): Promise<Draft> {
    await this.holdInstances(draft);
    const materials = [];
    for (const material of draft.materials ?? []) {
      const { kind, target } = material;
      if (!kind || !target) throw new Error(`a draft material without kind or target: ${JSON.stringify(material)}`);
      const file = await this.upload(orderId, { kind, target, contentType: 'image/jpeg' }, media.photo);
      materials.push({ ...material, fileId: file.fileId });
    }
    const ready: Draft = { ...draft, materials };
    const { version } = await this.order(orderId);
    await this.saveDraft(orderId, { version, draft: ready });

    const mobiles = [ready.subjectPrincipal?.mobile, ...(ready.websites ?? []).map((w) => w.principal?.mobile)];
    for (const mobile of new Set(mobiles.filter((m): m is string => Boolean(m)))) await this.verifyMobile(orderId, 'subjectPrincipal', mobile);

    await this.faceCheck(orderId, 'subjectPrincipal', media.video);
    return ready;
  }

  /** What the account bought at the provider: each instance the draft's services name that the account does not hold yet. */
  async holdInstances(draft: Draft): Promise<void> {
    const named = [...(draft.websites ?? []), ...(draft.apps ?? [])].flatMap((service) =>
      service.resource?.type === 'instance' && service.resource.instanceId ? [service.resource.instanceId] : [],
    );
    if (!named.length) return;
    const held = new Set((await this.ok<ResourceChoice[]>('the account’s instances', 'GET', '/api/resources')).map((choice) => choice.instanceId));
    for (const instanceId of new Set(named.filter((id) => !held.has(id)))) await this.holdInstance(instanceId);
  }

  /** An eligible CVM of this account (广州, public IP, 包年包月, years left) in the simulated inventory (the caller's simulator route). */
  async holdInstance(instanceId: string): Promise<void> {
    const body: RegisterResourceRequest = {
      type: 'cvm',
      region: 'ap-guangzhou',
      publicIp: '203.0.113.10',
      billingMode: 'prepaid',
      termMonths: 36,
      expiresAt: '2035-12-31T04:00:00.000Z',
    };
    await this.ok('an instance the account bought', 'PUT', `/api/sim/resources/${instanceId}`, body);
  }

  progress(orderId: string): Promise<OrderProgress> {
    return this.ok('order progress', 'GET', `/api/orders/${orderId}/progress`);
  }

  /**
   * Takes this session's submitted order to `approved` as the other actors would: face videos confirmed and 初审 approval by `reviewer`, each
   * of `mobiles` that MIIT texted answering its SMS (read from the simulator, `certLastSix` of the principal's
   * certificate; the kind decides who is texted), and the 管局 scripted to approve at once. Answers the progress with
   * the issued numbers.
   */
  async approveSubmitted(orderId: string, reviewer: ApiTestKit, mobiles: string[], certLastSix: string, settle: Settle): Promise<OrderProgress> {
    await reviewer.confirmFaceChecks(orderId);
    await reviewer.ok('初审 approval', 'POST', `/api/review/orders/${orderId}/approve`, {});
    await settle();
    for (const mobile of new Set(mobiles)) {
      const sent = await reviewer.ok<{ text: string }[]>(`MIIT SMS to ${mobile}`, 'POST', '/api/regulator-sim/sms/search', { mobile });
      const code = /验证码为 (\d{6})/.exec(sent.at(-1)?.text ?? '')?.[1];
      if (code) await this.ok('MIIT SMS verification', 'POST', '/api/regulator-sim/sms-verify', { mobile, code, certLastSix });
    }
    await settle();
    await reviewer.ok('管局 script', 'POST', `/api/regulator-sim/orders/${orderId}/script`, { outcome: 'approve', afterWorkingDays: 0 });
    await settle();
    const progress = await this.progress(orderId);
    if (progress.status !== 'approved') throw new Error(`order ${orderId} is ${progress.status}, not approved`);
    return progress;
  }
}
