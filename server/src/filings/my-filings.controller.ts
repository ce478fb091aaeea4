import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  EXPORT_FORMATS,
  isExportFormat,
  type ExportFormat,
  type FilingSubjectDetail,
  type FilingSubjectSummary,
  type FooterCheckResult,
  type MyFilingServiceDetail,
  type SessionUser,
} from '@beian/shared';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../auth/auth.guard';
import { AppException } from '../platform/errors/app-exception';
import { FilingExportService } from './filing-export.service';
import { MyFilingsService } from './my-filings.service';

const SUBJECT_ID = new ParseUUIDPipe({ exceptionFactory: () => new AppException('FILING_SUBJECT_NOT_FOUND') });
const SERVICE_ID = new ParseUUIDPipe({ exceptionFactory: () => new AppException('FILING_SERVICE_NOT_FOUND') });

/** 我的备案: the caller's approved subjects and services, their export and the footer check. */
@ApiTags('filings')
@ApiBearerAuth()
@Controller('filings')
export class MyFilingsController {
  constructor(
    private readonly filings: MyFilingsService,
    private readonly exports: FilingExportService,
  ) {}

  @Get('subjects')
  list(@CurrentUser() user: SessionUser): Promise<FilingSubjectSummary[]> {
    return this.filings.list(user);
  }

  @Get('subjects/:id')
  subject(@CurrentUser() user: SessionUser, @Param('id', SUBJECT_ID) id: string): Promise<FilingSubjectDetail> {
    return this.filings.subject(user, id);
  }

  @Get('services/:id')
  service(@CurrentUser() user: SessionUser, @Param('id', SERVICE_ID) id: string): Promise<MyFilingServiceDetail> {
    return this.filings.service(user, id);
  }

  @Post('services/:id/footer-check')
  @HttpCode(200)
  footerCheck(@CurrentUser() user: SessionUser, @Param('id', SERVICE_ID) id: string): Promise<FooterCheckResult> {
    return this.filings.checkFooter(user, id);
  }

  @Get('export')
  @ApiQuery({ name: 'format', enum: Object.keys(EXPORT_FORMATS) })
  exportAccount(@CurrentUser() user: SessionUser, @Query('format') format: string, @Res() reply: FastifyReply): Promise<void> {
    return this.send(reply, user, exportFormat(format));
  }

  @Get('subjects/:id/export')
  @ApiQuery({ name: 'format', enum: Object.keys(EXPORT_FORMATS) })
  exportSubject(
    @CurrentUser() user: SessionUser,
    @Param('id', SUBJECT_ID) id: string,
    @Query('format') format: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(reply, user, exportFormat(format), id);
  }

  private async send(reply: FastifyReply, user: SessionUser, format: ExportFormat, subjectId?: string): Promise<void> {
    const file = await this.exports.export(user, format, subjectId);
    await reply
      .header('content-type', EXPORT_FORMATS[format].contentType)
      .header('content-disposition', `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'no-store')
      .send(file.stream);
  }
}

function exportFormat(value: string): ExportFormat {
  if (!isExportFormat(value))
    throw new AppException('VALIDATION_FAILED', [{ path: 'format', code: 'INVALID_OPTION', message: '导出格式应为 xlsx、csv 或 pdf' }]);
  return value;
}
