import { BIOMETRIC_CONSENT_VERSION, type Draft, type FaceChallenge, type MaterialFile } from '@beian/shared';
import { upload } from '../materials/upload-helpers';
import { mp4, photo } from './media-fixtures';
import type { api, TestApp } from './test-app';

type Client = ReturnType<typeof api>;

let mobileSerial = 0;
/** A mobile no other test has used in this process (codes are rate-limited per mobile). */
export function freshMobile(): string {
  mobileSerial += 1;
  return `139${String(process.pid % 10_000).padStart(4, '0')}${String(mobileSerial).padStart(4, '0')}`;
}

/** The draft with every principal's mobile replaced by one fresh mobile (the fixture's people are one person). */
export function withFreshMobile(draft: Draft): Draft {
  const mobile = freshMobile();
  return {
    ...draft,
    subjectPrincipal: { ...draft.subjectPrincipal, mobile },
    websites: draft.websites?.map((w) => ({ ...w, principal: w.principal ? { ...w.principal, mobile } : w.principal })),
  };
}

/**
 * Does what the applicant does besides typing, through the real endpoints: uploads every material the draft lists
 * (generated photos), proves each mobile with an SMS code from the dev outbox, and records the subject principal's
 * own face check. Saves the draft first (the checks look up its people) and returns it with the real file ids.
 */
export async function makeSubmittable(t: Pick<TestApp, 'url'>, client: Client, orderId: string, draft: Draft): Promise<Draft> {
  const materials = [];
  for (const material of draft.materials ?? []) {
    const res = await upload(t.url, client, `/api/orders/${orderId}/uploads`, { kind: material.kind, target: material.target, contentType: 'image/jpeg' }, await photo());
    if (res.status !== 200) throw new Error(`upload of ${material.kind} failed: ${res.status} ${JSON.stringify(res.body)}`);
    materials.push({ ...material, fileId: (res.body as MaterialFile).fileId });
  }
  const ready = { ...draft, materials };
  const { version } = (await client.get(`/api/orders/${orderId}`)).body as { version: number };
  const saved = await client.patch(`/api/orders/${orderId}/draft`, { version, draft: ready });
  if (saved.status !== 200) throw new Error(`draft save failed: ${JSON.stringify(saved.body)}`);

  const mobiles = new Set([ready.subjectPrincipal?.mobile, ...(ready.websites ?? []).map((w) => w.principal?.mobile)].filter((m): m is string => Boolean(m)));
  for (const mobile of mobiles) {
    await client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    const [sent] = (await client.post(`/api/dev/sms-outbox/search`, { mobile })).body as { code: string }[];
    const verified = await client.post('/api/sms/verify', { mobile, code: sent?.code, orderId, path: 'subjectPrincipal' });
    if (verified.status !== 200) throw new Error(`mobile verification failed: ${JSON.stringify(verified.body)}`);
  }

  const self = `/api/orders/${orderId}/principals/subjectPrincipal`;
  await client.post(`${self}/consent`, { version: BIOMETRIC_CONSENT_VERSION });
  const video = await upload(t.url, client, `/api/orders/${orderId}/uploads`, { kind: 'face_video', target: 'subjectPrincipal', contentType: 'video/mp4' }, mp4(6));
  const challengeAnswer = await client.post<FaceChallenge>(`${self}/face-check/challenge`);
  if (challengeAnswer.status >= 300) throw new Error(`face challenge failed: ${JSON.stringify(challengeAnswer.body)}`);
  const challenge = challengeAnswer.body;
  const checked = await client.post(`${self}/face-check`, { challengeId: challenge.challengeId, videoFileId: (video.body as MaterialFile).fileId });
  if (checked.status >= 300) throw new Error(`face check failed: ${JSON.stringify(checked.body)}`);

  return ready;
}
