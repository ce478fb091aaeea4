import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { OrderDraftStore } from './order-draft.store';
import { OrderStateMachine } from './order-state-machine';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({
  imports: [OutboxModule],
  controllers: [OrdersController],
  providers: [OrdersService, OrderDraftStore, OrderStateMachine],
})
export class OrdersModule {}
