import type {
  BindServiceCodeRequest,
  CheckCodeRequest,
  CodeInstanceView,
  FilingCodeView,
  GenerateAuthorizationCodeRequest,
  GrantCheck,
  ServiceCodeGrantRequest,
} from '@beian/shared';
import { request } from './request';

/** The account's servers a 授权码 or 服务码 can be made from. */
export function listCodeInstances(): Promise<CodeInstanceView[]> {
  return request<CodeInstanceView[]>('/api/codes/instances');
}

export function listAuthorizationCodes(): Promise<FilingCodeView[]> {
  return request<FilingCodeView[]>('/api/codes/authorization');
}

export function generateAuthorizationCode(body: GenerateAuthorizationCodeRequest): Promise<FilingCodeView> {
  return request<FilingCodeView>('/api/codes/authorization', { method: 'POST', data: body });
}

export function revokeAuthorizationCode(codeId: string): Promise<FilingCodeView> {
  return request<FilingCodeView>(`/api/codes/authorization/${encodeURIComponent(codeId)}/revoke`, { method: 'POST', data: {} });
}

/** A code the caller may file with (the verify step and the picker); a refusal comes back on the field `code`. */
export function checkFilingCode(body: CheckCodeRequest): Promise<FilingCodeView> {
  return request<FilingCodeView>('/api/codes/check', { method: 'POST', data: body });
}

/** 服务码管理: `own` 本账号生成的, `received` 他人授权给我的. */
export function listServiceCodes(tab: 'own' | 'received'): Promise<FilingCodeView[]> {
  return request<FilingCodeView[]>(`/api/codes/service?tab=${tab}`);
}

export function verifyServiceCodeGrant(body: ServiceCodeGrantRequest): Promise<GrantCheck> {
  return request<GrantCheck>('/api/codes/service/grants/verify', { method: 'POST', data: body });
}

export function grantServiceCodes(body: ServiceCodeGrantRequest): Promise<FilingCodeView[]> {
  return request<FilingCodeView[]>('/api/codes/service/grants', { method: 'POST', data: body });
}

/** 查看并绑定服务码: the owner binds a 未绑定实例 code to one of the account's servers. */
export function bindServiceCode(codeId: string, body: BindServiceCodeRequest): Promise<FilingCodeView> {
  return request<FilingCodeView>(`/api/codes/service/${encodeURIComponent(codeId)}/bind`, { method: 'POST', data: body });
}
