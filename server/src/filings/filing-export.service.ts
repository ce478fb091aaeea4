import { Inject, Injectable, Logger } from '@nestjs/common';
import { PassThrough, type Readable } from 'node:stream';
import { chinaDate, FILING_SERVICE_STATES, FILING_SUBJECT_STATES, type ExportFormat, type SessionUser } from '@beian/shared';
import { type ExportScope, FilingRecordQueries } from '../filing-record/filing-record.queries';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppException } from '../platform/errors/app-exception';
import { writePdf } from './export-pdf.writer';
import type { ExportService, ExportSource, ExportSubject } from './export-rows';
import { writeCsv, writeXlsx } from './export-spreadsheet.writer';
import { appPackages, natureLabel, principalName, regionLabel, stringList } from './record-views';

/** Rows read per statement: an export holds one batch at a time, whatever the account's size. */
const BATCH = 500;

export interface ExportFile {
  fileName: string;
  stream: Readable;
}

/** 导出基础信息 of the caller's account or of one of its subjects, streamed as it is read. */
@Injectable()
export class FilingExportService {
  private readonly logger = new Logger(FilingExportService.name);

  constructor(
    private readonly queries: FilingRecordQueries,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async export(user: SessionUser, format: ExportFormat, subjectId?: string): Promise<ExportFile> {
    const scope: ExportScope = { ownerId: user.id, ...(subjectId ? { subjectId } : {}) };
    let subjectNumber: string | undefined;
    if (subjectId) {
      const [subject] = await this.queries.exportSubjects(scope, '', 1);
      if (!subject) throw new AppException('FILING_SUBJECT_NOT_FOUND');
      subjectNumber = subject.subjectIcpNumber;
    }
    const now = this.clock.now();
    const out = new PassThrough();
    const source = this.source(scope);
    const written = format === 'xlsx' ? writeXlsx(source, out) : format === 'csv' ? writeCsv(source, out) : writePdf(source, out, this.config.pdfCjkFont, now);
    written.catch((error: unknown) => {
      this.logger.error(`export of ${user.id} failed: ${(error as Error).message}`);
      out.destroy(error as Error);
    });
    return { fileName: `备案信息-${subjectNumber ?? '全部'}-${chinaDate(now)}.${format}`, stream: out };
  }

  private source(scope: ExportScope): ExportSource {
    const { queries, cipher } = this;
    return {
      async *subjects(): AsyncIterable<ExportSubject> {
        for (let after = ''; ;) {
          const batch = await queries.exportSubjects(scope, after, BATCH);
          for (const row of batch) {
            yield {
              id: row.id,
              subjectIcpNumber: row.subjectIcpNumber,
              name: row.name,
              natureLabel: natureLabel(row.nature),
              regionLabel: regionLabel(row.regionCode),
              principalName: principalName(row.principal, cipher, row.nature === 'personal' ? row.name : ''),
              approvedAt: row.approvedAt,
              stateLabel: FILING_SUBJECT_STATES[row.state],
            };
          }
          if (batch.length < BATCH) return;
          after = batch[batch.length - 1]!.id;
        }
      },
      async *services(): AsyncIterable<ExportService> {
        for (let after = { subjectId: '', seq: 0 }; ;) {
          const batch = await queries.exportServices(scope, after, BATCH);
          for (const row of batch) {
            yield {
              subjectId: row.subjectId,
              serviceType: row.serviceType,
              serviceIcpNumber: row.serviceIcpNumber,
              name: row.name,
              addresses: row.serviceType === 'website' ? stringList(row.domains) : appPackages(row.packages).map((p) => `${p.platform}: ${p.packageName}`),
              principalName: principalName(row.principal, cipher),
              approvedAt: row.approvedAt,
              stateLabel: FILING_SERVICE_STATES[row.state],
            };
          }
          if (batch.length < BATCH) return;
          const last = batch[batch.length - 1]!;
          after = { subjectId: last.subjectId, seq: last.seq };
        }
      },
    };
  }
}
