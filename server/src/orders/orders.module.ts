import { Module } from '@nestjs/common';
import { MaterialsModule } from '../materials/materials.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PrincipalsModule } from '../principals/principals.module';
import { SmsModule } from '../sms/sms.module';
import { OutboxModule } from '../outbox/outbox.module';
import { OrderDraftStore } from './order-draft.store';
import { OrderFieldLock } from './order-field-lock.service';
import { OrderLifecycleJobs } from './order-lifecycle.jobs';
import { OrderProgressService } from './order-progress.service';
import { OrderStateMachine } from './order-state-machine';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({
  imports: [OutboxModule, NotificationsModule, MaterialsModule, SmsModule, PrincipalsModule],
  controllers: [OrdersController],
  providers: [OrdersService, OrderDraftStore, OrderStateMachine, OrderFieldLock, OrderProgressService, OrderLifecycleJobs],
  exports: [OrdersService, OrderDraftStore, OrderStateMachine, OrderFieldLock],
})
export class OrdersModule {}
