import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OrderCoreModule } from '../order-core/order-core.module';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { CancelAccessEffect } from './cancel-access.effect';
import { CancelEffect } from './cancel.effect';
import { ChangeEffect } from './change.effect';
import { MigrationEffect } from './migration.effect';
import { RecordSealer } from './record-sealer';
import { FilingRecordApproval } from './filing-record.approval';
import { FilingRecordBackfill } from './filing-record.backfill';
import { FilingRecordQueries } from './filing-record.queries';
import { FilingRecordStore } from './filing-record.store';
import { FilingRegistry } from './filing-registry.port';
import { MiitFilingRegistry } from './miit-filing.registry';
import { RecordDrafts } from './record-draft';
import { RegistryNumbersPort } from './registry-numbers.port';
import { SimulatedFilingRegistry } from './simulated-filing.registry';

/**
 * The approved filing (备案信息): subjects, services, our access and the versions approvals wrote. The use cases
 * (orders, regulator, filings) read and change it through FilingRecordStore only; FilingRegistry is the national
 * registry (工信部备案系统), whose simulator also knows this record.
 */
@Module({
  imports: [OrderCoreModule, DiscoveryModule],
  providers: [
    FilingRecordStore,
    FilingRecordQueries,
    RegistryNumbersPort,
    FilingRecordApproval,
    CancelEffect,
    CancelAccessEffect,
    FilingRecordBackfill,
    ChangeEffect,
    MigrationEffect,
    RecordSealer,
    RecordDrafts,
    SimulatedFilingRegistry,
    // Embedded default: the simulated registry (scripted filings plus ours); otherwise the provider interface (see MiitFilingRegistry).
    {
      provide: FilingRegistry,
      inject: [APP_CONFIG, SimulatedFilingRegistry],
      useFactory: (config: AppConfig, simulated: SimulatedFilingRegistry): FilingRegistry => (config.simulatorsEnabled ? simulated : new MiitFilingRegistry()),
    },
  ],
  exports: [FilingRecordStore, RecordDrafts, FilingRecordQueries, RegistryNumbersPort, FilingRegistry, SimulatedFilingRegistry],
})
export class FilingRecordModule {}
