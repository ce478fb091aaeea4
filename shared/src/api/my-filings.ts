import type { FilingServiceDetail } from './filings';

/**
 * 我的备案 (the caller's approved filings), prefix `/api/filings`:
 *   `GET subjects` → FilingSubjectSummary[]; `GET subjects/:id` → FilingSubjectDetail;
 *   `GET services/:id` → {@link MyFilingServiceDetail}; `POST services/:id/footer-check` → FooterCheckResult;
 *   `GET export?format=` (the account) and `GET subjects/:id/export?format=` (one subject) → the file, streamed;
 *   `POST lookup` RegistryLookupRequest → RegistryLookupResponse (备案查询, any domain, number or unit name).
 * Another account's subject or service answers 404.
 */
export interface MyFilingServiceDetail extends FilingServiceDetail {
  subjectIcpNumber: string;
  /** The snippet a website puts at the bottom of its home page; null for an APP. */
  footerSnippet: string | null;
}

/** What 我的备案 tells the user (S003 4175, 4233). */
export const MY_FILINGS_TEXTS = {
  detailsHint: '单击主体信息和服务信息中的查看/变更可查看对应详情。',
  exportNotice:
    '仅支持导出基础信息（备案号、负责人名称、备案域名、备案 APP 包名、服务名称等信息）：仅导出已通过管局审核、在本平台备案的信息，不含证件号码和手机号码。',
} as const;

/** 导出基础信息: spreadsheet (XLSX, CSV) or the printable 备案信息 sheet (PDF, one per subject). */
export const EXPORT_FORMATS = {
  xlsx: { label: 'Excel', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  csv: { label: 'CSV', contentType: 'text/csv; charset=utf-8' },
  pdf: { label: 'PDF', contentType: 'application/pdf' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && Object.hasOwn(EXPORT_FORMATS, value);
}
