import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OrderCoreModule } from '../order-core/order-core.module';
import { FilingRecordApproval } from './filing-record.approval';
import { FilingRecordQueries } from './filing-record.queries';
import { FilingRecordStore } from './filing-record.store';
import { RegistryNumbersPort } from './registry-numbers.port';

/**
 * The approved filing (备案信息): subjects, services, our access and the versions approvals wrote. The use cases
 * (orders, regulator, filings) read and change it through FilingRecordStore only.
 */
@Module({
  imports: [OrderCoreModule, DiscoveryModule],
  providers: [FilingRecordStore, FilingRecordQueries, RegistryNumbersPort, FilingRecordApproval],
  exports: [FilingRecordStore, FilingRecordQueries, RegistryNumbersPort],
})
export class FilingRecordModule {}
