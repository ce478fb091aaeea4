import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  FILING_SERVICE_STATES,
  FILING_SUBJECT_STATES,
  type FilingServiceDetail,
  type FilingServiceSummary,
  type FilingSubjectDetail,
  type FilingSubjectSummary,
  footerSnippet,
  type FooterCheckResult,
  type MyFilingServiceDetail,
  type SessionUser,
} from '@beian/shared';
import { FilingRecordQueries, type ServiceListRow } from '../filing-record/filing-record.queries';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { maskPersonalValue } from '../platform/crypto/personal-data';
import { AppException } from '../platform/errors/app-exception';
import { waitText } from '../platform/http/rate-limit.hook';
import { RateLimiter } from '../platform/http/rate-limiter';
import { checkFooter } from './footer.inspector';
import { appPackages, parseObject, principalName, principalView, stringList } from './record-views';
import { SiteFetcher } from './site-fetcher.port';

/** 我的备案: the caller's approved subjects and services. Another account's subject or service answers 404. */
@Injectable()
export class MyFilingsService {
  private readonly logger = new Logger('MyFilings');

  constructor(
    private readonly queries: FilingRecordQueries,
    private readonly cipher: FieldCipher,
    private readonly fetcher: SiteFetcher,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: SessionUser): Promise<FilingSubjectSummary[]> {
    const rows = await this.queries.subjectsOfOwner(user.id);
    return rows.map((row) => ({
      id: row.id,
      subjectIcpNumber: row.subjectIcpNumber,
      name: row.name,
      nature: row.nature,
      provinceCode: row.provinceCode,
      regionCode: row.regionCode,
      origin: row.origin,
      state: row.state,
      stateLabel: FILING_SUBJECT_STATES[row.state],
      websiteCount: row.websiteCount,
      appCount: row.appCount,
      approvedAt: row.approvedAt.toISOString(),
      changedAt: row.changedAt.toISOString(),
    }));
  }

  async subject(user: SessionUser, subjectId: string): Promise<FilingSubjectDetail> {
    // Both statements at once; the services are dropped unread when the subject is not the caller's.
    const [subject, services] = await Promise.all([this.queries.subjectOfOwner(user.id, subjectId), this.queries.servicesOfSubject(subjectId)]);
    if (!subject) throw new AppException('FILING_SUBJECT_NOT_FOUND');
    const details = parseObject(subject.details);
    const text = (key: string) => (typeof details[key] === 'string' && details[key] !== '' ? (details[key] as string) : null);
    const summaries = services.map(serviceSummary);
    return {
      id: subject.id,
      subjectIcpNumber: subject.subjectIcpNumber,
      name: subject.name,
      nature: subject.nature,
      provinceCode: subject.provinceCode,
      regionCode: subject.regionCode,
      origin: subject.origin,
      state: subject.state,
      stateLabel: FILING_SUBJECT_STATES[subject.state],
      websiteCount: summaries.filter((s) => s.serviceType === 'website' && s.state === 'active').length,
      appCount: summaries.filter((s) => s.serviceType === 'app' && s.state === 'active').length,
      approvedAt: subject.approvedAt.toISOString(),
      changedAt: subject.changedAt.toISOString(),
      certificateType: subject.certificateType,
      certificateNumberMasked: maskPersonalValue('certificate_number', this.cipher.decrypt(subject.certificateNumber)),
      certificateAddress: text('certificateAddress'),
      communicationAddress: text('communicationAddress'),
      legalRepName: text('legalRepName'),
      investor: text('investor'),
      remark: text('remark'),
      principal: {
        ...principalView(subject.principal, this.cipher),
        name: principalName(subject.principal, this.cipher, subject.nature === 'personal' ? subject.name : ''),
      },
      services: summaries,
    };
  }

  async service(user: SessionUser, serviceId: string): Promise<MyFilingServiceDetail> {
    const row = await this.queries.serviceOfOwner(user.id, serviceId);
    if (!row) throw new AppException('FILING_SERVICE_NOT_FOUND');
    const access = await this.queries.accessOfService(serviceId);
    const details = parseObject(row.details);
    const list = <T>(key: string): T[] => (Array.isArray(details[key]) ? (details[key] as T[]) : []);
    const current = access.find((a) => a.endedAt === null);
    return {
      ...serviceSummary({ ...row, accessProvider: current?.provider ?? null, accessSince: current?.since ?? null }),
      subjectIcpNumber: row.subjectIcpNumber,
      footerSnippet: row.serviceType === 'website' ? footerSnippet(row.serviceIcpNumber) : null,
      serviceContent: list<string>('serviceContent'),
      languages: list<string>('languages'),
      preApprovals: list<{ type?: string; approvalNumber?: string }>('preApprovals'),
      remark: typeof details.remark === 'string' && details.remark !== '' ? details.remark : null,
      principal: principalView(row.principal, this.cipher),
      resource: row.resource ? (parseObject(row.resource) as FilingServiceDetail['resource']) : null,
      accessRecords: access.map((a) => ({ provider: a.provider, since: a.since.toISOString(), endedAt: a.endedAt?.toISOString() ?? null })),
      changedAt: row.changedAt.toISOString(),
    };
  }

  /** Fetches the website's home page (its home URL, else its first domain) and reports what its footer shows. */
  async checkFooter(user: SessionUser, serviceId: string): Promise<FooterCheckResult> {
    const row = await this.queries.serviceOfOwner(user.id, serviceId);
    if (!row) throw new AppException('FILING_SERVICE_NOT_FOUND');
    if (row.serviceType !== 'website') throw new AppException('FOOTER_CHECK_WEBSITES_ONLY');
    await this.countFooterCheck(user);
    const url = row.homeUrl ?? `http://${stringList(row.domains)[0] ?? ''}/`;
    return checkFooter(this.fetcher, url, row.serviceIcpNumber);
  }

  /** Each check fetches a site on the user's behalf: a limit per account, however many sessions it has. */
  private async countFooterCheck(user: SessionUser): Promise<void> {
    const rule = this.config.rateLimits?.footerChecks;
    if (!rule) return;
    // As for every limit: when the counters cannot be reached the check goes on uncounted.
    const over = await this.limiter.hit([{ key: `footerChecks:user:${user.id}`, rule }]).catch((error: unknown) => {
      this.logger.warn(`footer check not counted: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (over) throw new AppException('RATE_LIMITED', undefined, over, `网站底部检查过于频繁，请 ${waitText(over.retryAfterSeconds)}后再试`);
  }
}

function serviceSummary(row: ServiceListRow): FilingServiceSummary {
  return {
    id: row.id,
    subjectId: row.subjectId,
    serviceType: row.serviceType,
    serviceIcpNumber: row.serviceIcpNumber,
    seq: row.seq,
    name: row.name,
    domains: stringList(row.domains),
    homeUrl: row.homeUrl,
    packages: appPackages(row.packages),
    state: row.state,
    stateLabel: FILING_SERVICE_STATES[row.state],
    approvedAt: row.approvedAt.toISOString(),
    access: row.accessProvider && row.accessSince ? { provider: row.accessProvider, since: row.accessSince.toISOString(), endedAt: null } : null,
  };
}
