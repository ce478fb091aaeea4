import type {
  ConsentRecord,
  ConsentRequest,
  FaceChallenge,
  FaceCheckView,
  Invitation,
  InvitationView,
  PrincipalStatus,
  SendSmsCodeResponse,
  SubmitFaceCheckRequest,
} from '@beian/shared';
import Taro from '@tarojs/taro';
import { useSessionStore } from './session.store';
import { apiUrl, request } from './request';

/**
 * The face check of one principal, either by the order's owner on this phone (`order`) or by the invited person
 * (`invitation`): the same steps, under different addresses.
 */
export type FaceCheckSubject = { kind: 'order'; orderId: string; path: string } | { kind: 'invitation'; token: string };

function base(subject: FaceCheckSubject): string {
  return subject.kind === 'order'
    ? `/api/orders/${encodeURIComponent(subject.orderId)}/principals/${encodeURIComponent(subject.path)}`
    : `/api/invitations/${encodeURIComponent(subject.token)}`;
}

export function listPrincipals(orderId: string): Promise<PrincipalStatus[]> {
  return request<PrincipalStatus[]>(`/api/orders/${encodeURIComponent(orderId)}/principals`);
}

export function invitePrincipal(orderId: string, path: string): Promise<Invitation> {
  return request<Invitation>(`/api/orders/${encodeURIComponent(orderId)}/principals/${encodeURIComponent(path)}/invitations`, {
    method: 'POST',
  });
}

export function revokeInvitation(orderId: string, invitationId: string): Promise<void> {
  return request<void>(`/api/orders/${encodeURIComponent(orderId)}/principals/invitations/${encodeURIComponent(invitationId)}`, {
    method: 'DELETE',
  });
}

export function getInvitation(token: string): Promise<InvitationView> {
  return request<InvitationView>(`/api/invitations/${encodeURIComponent(token)}`);
}

export function acceptInvitation(token: string): Promise<InvitationView> {
  return request<InvitationView>(`/api/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST' });
}

/** The invited principal's own ID photo (a confirmed upload of this invitation) becomes the order's material. */
export function attachInvitationIdPhoto(token: string, fileId: string): Promise<InvitationView> {
  return request<InvitationView>(`/api/invitations/${encodeURIComponent(token)}/id-photos`, { method: 'POST', data: { fileId } });
}

/** A code to the invited principal's own mobile, the one the applicant typed. */
export function sendInvitationSmsCode(token: string): Promise<SendSmsCodeResponse> {
  return request<SendSmsCodeResponse>(`/api/invitations/${encodeURIComponent(token)}/sms-code`, { method: 'POST' });
}

export function verifyInvitationMobile(token: string, code: string): Promise<InvitationView> {
  return request<InvitationView>(`/api/invitations/${encodeURIComponent(token)}/sms-verify`, { method: 'POST', data: { code } });
}

export function giveConsent(subject: FaceCheckSubject, body: ConsentRequest): Promise<ConsentRecord> {
  return request<ConsentRecord>(`${base(subject)}/consent`, { method: 'POST', data: body });
}

export function newFaceChallenge(subject: FaceCheckSubject): Promise<FaceChallenge> {
  return request<FaceChallenge>(`${base(subject)}/face-check/challenge`, { method: 'POST' });
}

export function submitFaceCheck(subject: FaceCheckSubject, body: SubmitFaceCheckRequest): Promise<FaceCheckView> {
  return request<FaceCheckView>(`${base(subject)}/face-check`, { method: 'POST', data: body });
}

/** The invitation's mini-program code (weapp), downloaded with the session to a temporary file for `<Image>`. */
export async function invitationCodeFile(invitationId: string): Promise<string | null> {
  const token = useSessionStore.getState().token;
  const answer = await Taro.downloadFile({
    url: apiUrl(`/api/invitations/${encodeURIComponent(invitationId)}/wxacode`),
    header: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return answer.statusCode === 200 ? answer.tempFilePath : null;
}
