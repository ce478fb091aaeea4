/**
 * 导出基础信息: only data approved by the 管局 and filed with us, and only the basic facts (seed S003 4233: 备案号、负责人名称、
 * 备案域名、备案 APP 包名、服务名称). No ID number, phone or e-mail ever enters these rows.
 */
export interface ExportSubject {
  id: string;
  subjectIcpNumber: string;
  /** 主办单位名称 */
  name: string;
  natureLabel: string;
  regionLabel: string;
  /** 主体负责人姓名 */
  principalName: string;
  approvedAt: Date;
  stateLabel: string;
}

export interface ExportService {
  subjectId: string;
  serviceType: 'website' | 'app';
  serviceIcpNumber: string;
  name: string;
  /** Website domains, or APP packages as `平台: 包名`. */
  addresses: string[];
  principalName: string;
  approvedAt: Date;
  stateLabel: string;
}

/**
 * The rows of one export, each stream ordered by subject the same way (services by subject, then `-n`), read in
 * batches so an export holds one batch at a time whatever the account's size.
 */
export interface ExportSource {
  subjects(): AsyncIterable<ExportSubject>;
  services(): AsyncIterable<ExportService>;
}

/** Subjects in order, each followed by its services (a 空壳 subject by none). */
export async function* subjectsWithServices(source: ExportSource): AsyncGenerator<{ subject: ExportSubject } | { service: ExportService }> {
  const subjects = source.subjects()[Symbol.asyncIterator]();
  let current: ExportSubject | undefined;
  for await (const service of source.services()) {
    while (current?.id !== service.subjectId) {
      const next = await subjects.next();
      if (next.done) throw new Error(`export: service of subject ${service.subjectId} out of order`);
      current = next.value;
      yield { subject: current };
    }
    yield { service };
  }
  for (let next = await subjects.next(); !next.done; next = await subjects.next()) yield { subject: next.value };
}

export const SERVICE_TYPE_LABELS = { website: '网站', app: 'APP' } as const;

export const SUBJECT_COLUMNS: { header: string; width: number; value: (s: ExportSubject, time: (d: Date) => string) => string }[] = [
  { header: '主体备案号', width: 24, value: (s) => s.subjectIcpNumber },
  { header: '主办单位名称', width: 32, value: (s) => s.name },
  { header: '主办单位性质', width: 14, value: (s) => s.natureLabel },
  { header: '所在地区', width: 24, value: (s) => s.regionLabel },
  { header: '主体负责人', width: 12, value: (s) => s.principalName },
  { header: '审核通过时间', width: 20, value: (s, time) => time(s.approvedAt) },
  { header: '状态', width: 10, value: (s) => s.stateLabel },
];

export const SERVICE_COLUMNS: { header: string; width: number; value: (s: ExportService, time: (d: Date) => string) => string }[] = [
  { header: '服务备案号', width: 26, value: (s) => s.serviceIcpNumber },
  { header: '服务类型', width: 8, value: (s) => SERVICE_TYPE_LABELS[s.serviceType] },
  { header: '服务名称', width: 24, value: (s) => s.name },
  { header: '备案域名 / APP 包名', width: 40, value: (s) => s.addresses.join('；') },
  { header: '服务负责人', width: 12, value: (s) => s.principalName },
  { header: '审核通过时间', width: 20, value: (s, time) => time(s.approvedAt) },
  { header: '接入状态', width: 10, value: (s) => s.stateLabel },
];
