import { Module } from '@nestjs/common';
import { MaterialsModule } from '../materials/materials.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PrincipalsModule } from '../principals/principals.module';
import { SmsModule } from '../sms/sms.module';
import { OutboxModule } from '../outbox/outbox.module';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { FilingRegistry } from './filing-registry.port';
import { FilingTypeController } from './filing-type.controller';
import { FilingTypeService } from './filing-type.service';
import { MiitFilingRegistry } from './miit-filing.registry';
import { OrderDraftStore } from './order-draft.store';
import { OrderFieldLock } from './order-field-lock.service';
import { OrderLifecycleJobs } from './order-lifecycle.jobs';
import { OrderProgressService } from './order-progress.service';
import { OrderStateMachine } from './order-state-machine';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { SimulatedFilingRegistry } from './simulated-filing.registry';

@Module({
  imports: [OutboxModule, NotificationsModule, MaterialsModule, SmsModule, PrincipalsModule],
  controllers: [OrdersController, FilingTypeController],
  providers: [
    OrdersService,
    OrderDraftStore,
    OrderStateMachine,
    OrderFieldLock,
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
  exports: [OrdersService, OrderDraftStore, OrderStateMachine, OrderFieldLock],
})
export class OrdersModule {}
