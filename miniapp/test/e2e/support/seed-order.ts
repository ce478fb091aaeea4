import { readFileSync } from 'node:fs';
import { BIOMETRIC_CONSENT_VERSION, type Draft, type FaceChallenge, type MaterialFile, type UploadTicket } from '@beian/shared';
import { api, type ApiAnswer } from './api-client';
import type { Fixtures } from './fixtures';
import type { ServerProcess } from './server-process';

function ok<T>(what: string, answer: ApiAnswer<T>): T {
  if (answer.status >= 300) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function uploadFile(server: ServerProcess, token: string, orderId: string, request: { kind: string; target: string; contentType: string }, file: string): Promise<string> {
  const bytes = readFileSync(file);
  const ticket = ok('upload ticket', await api<UploadTicket>(server, 'POST', `/api/orders/${orderId}/uploads`, token, { ...request, size: bytes.length }));
  const put = await fetch(`${server.url}${ticket.uploadUrl}`, { method: 'PUT', headers: ticket.headers, body: bytes });
  if (put.status >= 300) throw new Error(`upload PUT answered ${put.status}`);
  return ok('upload confirm', await api<MaterialFile>(server, 'POST', `/api/uploads/${ticket.uploadId}/confirm`, token, {})).fileId;
}

/**
 * What the applicant does besides typing, through the API as another device of the same account would: uploads the
 * draft's materials, saves the draft, proves the mobile by SMS code and records the applicant's own face check.
 */
export async function seedSubmittableDraft(server: ServerProcess, token: string, orderId: string, draft: Draft, files: Fixtures): Promise<void> {
  const materials = [];
  for (const material of draft.materials ?? []) {
    materials.push({ ...material, fileId: await uploadFile(server, token, orderId, { kind: material.kind, target: material.target, contentType: 'image/jpeg' }, files.photo) });
  }
  const { version } = ok('order', await api<{ version: number }>(server, 'GET', `/api/orders/${orderId}`, token));
  ok('draft save', await api(server, 'PATCH', `/api/orders/${orderId}/draft`, token, { version, draft: { ...draft, materials } }));

  const mobile = draft.subjectPrincipal?.mobile ?? '';
  ok('sms code', await api(server, 'POST', '/api/sms/codes', token, { mobile, purpose: 'principal_mobile' }));
  const [sent] = ok('sms outbox', await api<{ code: string }[]>(server, 'GET', `/api/dev/sms-outbox?mobile=${mobile}`, token));
  ok('sms verify', await api(server, 'POST', '/api/sms/verify', token, { mobile, code: sent?.code, orderId, path: 'subjectPrincipal' }));

  const self = `/api/orders/${orderId}/principals/subjectPrincipal`;
  ok('consent', await api(server, 'POST', `${self}/consent`, token, { version: BIOMETRIC_CONSENT_VERSION }));
  const videoFileId = await uploadFile(server, token, orderId, { kind: 'face_video', target: 'subjectPrincipal', contentType: 'video/mp4' }, files.video);
  const challenge = ok('face challenge', await api<FaceChallenge>(server, 'POST', `${self}/face-check/challenge`, token, {}));
  ok('face check', await api(server, 'POST', `${self}/face-check`, token, { challengeId: challenge.challengeId, videoFileId }));
}
