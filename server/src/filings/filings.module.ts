import { Module } from '@nestjs/common';
import { FilingRecordModule } from '../filing-record/filing-record.module';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { FilingExportService } from './filing-export.service';
import { FilingLookupController } from './filing-lookup.controller';
import { DEFAULT_SITE_FETCH_LIMITS, HttpSiteFetcher } from './http.site-fetcher';
import { MyFilingsController } from './my-filings.controller';
import { MyFilingsService } from './my-filings.service';
import { SiteFetcher } from './site-fetcher.port';

/** 我的备案 for the applicant: the approved record read, exported and looked up, and the website footer check. */
@Module({
  imports: [FilingRecordModule],
  controllers: [MyFilingsController, FilingLookupController],
  providers: [
    MyFilingsService,
    FilingExportService,
    {
      provide: SiteFetcher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): SiteFetcher => new HttpSiteFetcher({ ...DEFAULT_SITE_FETCH_LIMITS, allowLoopback: config.siteFetch.allowLoopback }),
    },
  ],
})
export class FilingsModule {}
