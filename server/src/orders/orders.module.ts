import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrderCoreModule } from '../order-core/order-core.module';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { FilingRegistry } from './filing-registry.port';
import { FilingTypeController } from './filing-type.controller';
import { FilingTypeService } from './filing-type.service';
import { MiitFilingRegistry } from './miit-filing.registry';
import { InactivityGuard, MigrationGuard } from './order-guards';
import { OrderLifecycleJobs } from './order-lifecycle.jobs';
import { OrderPrecheck } from './order-precheck.service';
import { OrderProgressService } from './order-progress.service';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { SimulatedFilingRegistry } from './simulated-filing.registry';
import { SimulatedRegistryNumbers } from './simulated-registry-numbers';
import { FilingRecordModule } from '../filing-record/filing-record.module';

/** The applicant's use cases on an order: create, edit, check, submit, follow; the filing type; the order's time-driven jobs. */
@Module({
  imports: [OrderCoreModule, NotificationsModule, FilingRecordModule],
  controllers: [OrdersController, FilingTypeController],
  providers: [
    OrdersService,
    OrderPrecheck,
    InactivityGuard,
    MigrationGuard,
    OrderProgressService,
    OrderLifecycleJobs,
    FilingTypeService,
    SimulatedFilingRegistry,
    SimulatedRegistryNumbers,
    // Embedded default: the scripted registry; otherwise the provider interface (not available, see MiitFilingRegistry).
    {
      provide: FilingRegistry,
      inject: [APP_CONFIG, SimulatedFilingRegistry],
      useFactory: (config: AppConfig, simulated: SimulatedFilingRegistry): FilingRegistry => (config.simulatorsEnabled ? simulated : new MiitFilingRegistry()),
    },
  ],
})
export class OrdersModule {}
