import { Module } from '@nestjs/common';
import { MaterialsModule } from '../materials/materials.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PrincipalsModule } from '../principals/principals.module';
import { SmsModule } from '../sms/sms.module';
import { OrderCoreModule } from '../order-core/order-core.module';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { FilingRegistry } from './filing-registry.port';
import { FilingTypeController } from './filing-type.controller';
import { FilingTypeService } from './filing-type.service';
import { MiitFilingRegistry } from './miit-filing.registry';
import { OrderLifecycleJobs } from './order-lifecycle.jobs';
import { OrderProgressService } from './order-progress.service';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { SimulatedFilingRegistry } from './simulated-filing.registry';

@Module({
  imports: [OrderCoreModule, NotificationsModule, MaterialsModule, SmsModule, PrincipalsModule],
  controllers: [OrdersController, FilingTypeController],
  providers: [
    OrdersService,
    OrderProgressService,
    OrderLifecycleJobs,
    FilingTypeService,
    SimulatedFilingRegistry,
    // Embedded default: the scripted registry; otherwise the provider interface (not available, see MiitFilingRegistry).
    {
      provide: FilingRegistry,
      inject: [APP_CONFIG, SimulatedFilingRegistry],
      useFactory: (config: AppConfig, simulated: SimulatedFilingRegistry): FilingRegistry => (config.simulatorsEnabled ? simulated : new MiitFilingRegistry()),
    },
  ],
  exports: [OrdersService],
})
export class OrdersModule {}
