import { Injectable } from '@nestjs/common';
import type { FilingServiceState, FilingServiceType, FilingSubjectOrigin, FilingSubjectState } from '@beian/shared';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';

/** One line of 我的备案: the subject's facts and how many of its 网站 / APP are active. */
export interface SubjectListRow {
  id: string;
  subjectIcpNumber: string;
  name: string;
  nature: string;
  provinceCode: string;
  regionCode: string;
  origin: FilingSubjectOrigin;
  state: FilingSubjectState;
  approvedAt: Date;
  changedAt: Date;
  websiteCount: number;
  appCount: number;
}

/** A subject as its detail page shows it (sealed details and principal decrypted by the caller). */
export interface SubjectDetailRow extends Omit<SubjectListRow, 'websiteCount' | 'appCount'> {
  certificateType: string;
  certificateNumber: string;
  details: string;
  principal: string;
}

/** A service as the 网站 / APP tabs list it, with our current access (null once ended). */
export interface ServiceListRow {
  id: string;
  subjectId: string;
  serviceType: FilingServiceType;
  serviceIcpNumber: string;
  seq: number;
  name: string;
  domains: string;
  homeUrl: string | null;
  packages: string;
  state: FilingServiceState;
  approvedAt: Date;
  accessProvider: string | null;
  accessSince: Date | null;
}

export interface ServiceDetailRow extends Omit<ServiceListRow, 'accessProvider' | 'accessSince'> {
  subjectIcpNumber: string;
  details: string;
  principal: string;
  resource: string | null;
  changedAt: Date;
}

export interface AccessRow {
  provider: string;
  since: Date;
  endedAt: Date | null;
}

/** What an export reads of a subject or a service (never certificates, phones or e-mails). */
export interface ExportSubjectRow extends Omit<SubjectListRow, 'websiteCount' | 'appCount' | 'origin' | 'changedAt' | 'provinceCode'> {
  principal: string;
}
export interface ExportServiceRow extends Pick<
  ServiceListRow,
  'id' | 'subjectId' | 'serviceType' | 'serviceIcpNumber' | 'seq' | 'name' | 'domains' | 'packages' | 'state' | 'approvedAt'
> {
  principal: string;
}

/** Subjects and services an export or 我的备案 shows: still with us, and approved by the 管局. */
export const EXPORTED_SUBJECT_STATES: readonly FilingSubjectState[] = ['active', 'shell'];

const SUBJECT_COLUMNS = `s.id, s.subject_icp_number, s.name, s.nature, s.province_code, s.region_code, s.origin, s.state, s.approved_at, s.changed_at`;
const SERVICE_COLUMNS = `v.id, v.subject_id, v.service_type, v.service_icp_number, v.seq, v.name, v.domains, v.home_url, v.packages, v.state, v.approved_at`;

type Row = Record<string, unknown>;

/**
 * The read side of the record for 我的备案 and its export: hand-written statements scoped to the owning account,
 * each answering what one screen needs in one round trip.
 */
@Injectable()
export class FilingRecordQueries {
  constructor(
    private readonly db: DatabaseService,
    private readonly cipher: FieldCipher,
  ) {}

  /** The owner's subjects still on this platform (a subject whose access all ended has left 我的备案). */
  async subjectsOfOwner(ownerId: string): Promise<SubjectListRow[]> {
    const rows = await this.db.rows<Row>(
      `SELECT ${SUBJECT_COLUMNS},
              SUM(CASE WHEN v.service_type = 'website' THEN 1 ELSE 0 END) AS website_count,
              SUM(CASE WHEN v.service_type = 'app' THEN 1 ELSE 0 END) AS app_count
         FROM filing_subjects s LEFT JOIN filing_services v ON v.subject_id = s.id AND v.state = 'active'
        WHERE s.owner_id = ? AND s.state <> 'removed_here'
        GROUP BY ${SUBJECT_COLUMNS}
        ORDER BY s.approved_at DESC, s.id`,
      [ownerId],
    );
    return rows.map((r) => ({ ...this.subject(r), websiteCount: Number(r.website_count ?? 0), appCount: Number(r.app_count ?? 0) }));
  }

  /** The owner's subject, or null for a subject that is not theirs (callers answer 404 either way). */
  async subjectOfOwner(ownerId: string, subjectId: string): Promise<SubjectDetailRow | null> {
    const [row] = await this.db.rows<Row>(
      `SELECT ${SUBJECT_COLUMNS}, s.certificate_type, s.certificate_number, s.details, s.principal
         FROM filing_subjects s WHERE s.id = ? AND s.owner_id = ?`,
      [subjectId, ownerId],
    );
    if (!row) return null;
    return {
      ...this.subject(row),
      certificateType: String(row.certificate_type),
      certificateNumber: String(row.certificate_number),
      details: String(row.details),
      principal: String(row.principal),
    };
  }

  /** A subject's services in number order, each with our access still running. */
  async servicesOfSubject(subjectId: string): Promise<ServiceListRow[]> {
    const rows = await this.db.rows<Row>(
      `SELECT ${SERVICE_COLUMNS}, a.provider AS access_provider, a.since AS access_since
         FROM filing_services v LEFT JOIN filing_access_records a ON a.service_id = v.id AND a.ended_at IS NULL
        WHERE v.subject_id = ?
        ORDER BY v.seq, a.id`,
      [subjectId],
    );
    const seen = new Set<string>();
    return rows.flatMap((r) => {
      if (seen.has(String(r.id))) return [];
      seen.add(String(r.id));
      return [
        {
          ...this.service(r),
          accessProvider: r.access_provider === null ? null : String(r.access_provider),
          accessSince: r.access_since === null ? null : this.time(r.access_since),
        },
      ];
    });
  }

  /** The owner's service with its subject's number, or null for a service under another account's subject. */
  async serviceOfOwner(ownerId: string, serviceId: string): Promise<ServiceDetailRow | null> {
    const [row] = await this.db.rows<Row>(
      `SELECT ${SERVICE_COLUMNS}, v.details, v.principal, v.resource, v.changed_at, s.subject_icp_number
         FROM filing_services v JOIN filing_subjects s ON s.id = v.subject_id
        WHERE v.id = ? AND s.owner_id = ?`,
      [serviceId, ownerId],
    );
    if (!row) return null;
    return {
      ...this.service(row),
      subjectIcpNumber: String(row.subject_icp_number),
      details: String(row.details),
      principal: String(row.principal),
      resource: row.resource === null ? null : String(row.resource),
      changedAt: this.time(row.changed_at),
    };
  }

  async accessOfService(serviceId: string): Promise<AccessRow[]> {
    const rows = await this.db.rows<Row>(`SELECT provider, since, ended_at FROM filing_access_records WHERE service_id = ? ORDER BY id`, [serviceId]);
    return rows.map((r) => ({ provider: String(r.provider), since: this.time(r.since), endedAt: r.ended_at === null ? null : this.time(r.ended_at) }));
  }

  /** One batch of the owner's exported subjects after `afterId` (keyset order: id); `subjectId` narrows to one. */
  async exportSubjects(scope: ExportScope, afterId: string, limit: number): Promise<ExportSubjectRow[]> {
    const rows = await this.db.rows<Row>(
      `SELECT s.id, s.subject_icp_number, s.name, s.nature, s.region_code, s.state, s.approved_at, s.principal
         FROM filing_subjects s
        WHERE s.owner_id = ? AND s.state IN (${placeholders(EXPORTED_SUBJECT_STATES)}) AND s.id > ? ${scope.subjectId ? 'AND s.id = ?' : ''}
        ORDER BY s.id LIMIT ${limit}`,
      [scope.ownerId, ...EXPORTED_SUBJECT_STATES, afterId, ...(scope.subjectId ? [scope.subjectId] : [])],
    );
    return rows.map((r) => ({
      id: String(r.id),
      subjectIcpNumber: String(r.subject_icp_number),
      name: this.cipher.open(String(r.name)),
      nature: String(r.nature),
      regionCode: String(r.region_code),
      state: r.state as FilingSubjectState,
      approvedAt: this.time(r.approved_at),
      principal: String(r.principal),
    }));
  }

  /** One batch of the exported subjects' active services after (`afterSubjectId`, `afterSeq`), in subject then `-n` order. */
  async exportServices(scope: ExportScope, after: { subjectId: string; seq: number }, limit: number): Promise<ExportServiceRow[]> {
    const rows = await this.db.rows<Row>(
      `SELECT v.id, v.subject_id, v.service_type, v.service_icp_number, v.seq, v.name, v.domains, v.packages, v.state, v.approved_at, v.principal
         FROM filing_services v JOIN filing_subjects s ON s.id = v.subject_id
        WHERE s.owner_id = ? AND s.state IN (${placeholders(EXPORTED_SUBJECT_STATES)}) AND v.state = 'active' ${scope.subjectId ? 'AND s.id = ?' : ''}
          AND (v.subject_id > ? OR (v.subject_id = ? AND v.seq > ?))
        ORDER BY v.subject_id, v.seq LIMIT ${limit}`,
      [scope.ownerId, ...EXPORTED_SUBJECT_STATES, ...(scope.subjectId ? [scope.subjectId] : []), after.subjectId, after.subjectId, after.seq],
    );
    return rows.map((r) => ({
      id: String(r.id),
      subjectId: String(r.subject_id),
      serviceType: r.service_type as FilingServiceType,
      serviceIcpNumber: String(r.service_icp_number),
      seq: Number(r.seq),
      name: String(r.name),
      domains: String(r.domains),
      packages: String(r.packages),
      state: r.state as FilingServiceState,
      approvedAt: this.time(r.approved_at),
      principal: String(r.principal),
    }));
  }

  private subject(r: Row): Omit<SubjectListRow, 'websiteCount' | 'appCount'> {
    return {
      id: String(r.id),
      subjectIcpNumber: String(r.subject_icp_number),
      name: this.cipher.open(String(r.name)),
      nature: String(r.nature),
      provinceCode: String(r.province_code),
      regionCode: String(r.region_code),
      origin: r.origin as FilingSubjectOrigin,
      state: r.state as FilingSubjectState,
      approvedAt: this.time(r.approved_at),
      changedAt: this.time(r.changed_at),
    };
  }

  private service(r: Row): Omit<ServiceListRow, 'accessProvider' | 'accessSince'> {
    return {
      id: String(r.id),
      subjectId: String(r.subject_id),
      serviceType: r.service_type as FilingServiceType,
      serviceIcpNumber: String(r.service_icp_number),
      seq: Number(r.seq),
      name: String(r.name),
      domains: String(r.domains),
      homeUrl: r.home_url === null ? null : String(r.home_url),
      packages: String(r.packages),
      state: r.state as FilingServiceState,
      approvedAt: this.time(r.approved_at),
    };
  }

  private time(value: unknown): Date {
    return this.db.timeFromRow(value as Date | string);
  }
}

export interface ExportScope {
  ownerId: string;
  /** One subject's export (its 导出基础信息 button); the whole account without. */
  subjectId?: string;
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
