import { Module } from '@nestjs/common';
import { OrderCoreModule } from '../order-core/order-core.module';
import { FilingRecordQueries } from './filing-record.queries';
import { FilingRecordStore } from './filing-record.store';

/**
 * The approved filing (备案信息): subjects, services, our access and the versions approvals wrote. The use cases
 * (orders, regulator, filings) read and change it through FilingRecordStore only.
 */
@Module({
  imports: [OrderCoreModule],
  providers: [FilingRecordStore, FilingRecordQueries],
  exports: [FilingRecordStore, FilingRecordQueries],
})
export class FilingRecordModule {}
