import type { ExportFormat, FilingSubjectDetail, FilingSubjectSummary, FooterCheckResult, MyFilingServiceDetail, RegistryLookupResponse } from '@beian/shared';
import { downloadWithSession, request } from './request';

/** 我的备案: the caller's approved subjects. */
export function listFilingSubjects(): Promise<FilingSubjectSummary[]> {
  return request<FilingSubjectSummary[]>('/api/filings/subjects');
}

export function getFilingSubject(id: string): Promise<FilingSubjectDetail> {
  return request<FilingSubjectDetail>(`/api/filings/subjects/${encodeURIComponent(id)}`);
}

export function getFilingService(id: string): Promise<MyFilingServiceDetail> {
  return request<MyFilingServiceDetail>(`/api/filings/services/${encodeURIComponent(id)}`);
}

/** 检查网站底部: the server fetches the website's home page and reports what its footer shows. */
export function checkFooter(serviceId: string): Promise<FooterCheckResult> {
  return request<FooterCheckResult>(`/api/filings/services/${encodeURIComponent(serviceId)}/footer-check`, { method: 'POST' });
}

/** 备案查询: any domain, ICP number or unit name, against the national registry. */
export function lookupFilings(query: string): Promise<RegistryLookupResponse> {
  return request<RegistryLookupResponse>('/api/filings/lookup', { method: 'POST', data: { query } });
}

/** 导出基础信息 of one subject (or the whole account), downloaded to a local file path. */
export function downloadFilingExport(format: ExportFormat, subjectId?: string): Promise<string> {
  const scope = subjectId ? `/subjects/${encodeURIComponent(subjectId)}` : '';
  return downloadWithSession(`/api/filings${scope}/export?format=${format}`);
}
