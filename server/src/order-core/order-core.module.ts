import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { OrderAccess } from './order-access';
import { OrderDraftStore } from './order-draft.store';
import { OrderFieldLock } from './order-field-lock.service';
import { OrderStateMachine } from './order-state-machine';

/**
 * The order on its own floor: its entities, draft store, state machine, field lock and access check. Every module
 * working on orders imports this one; it imports nothing above the jobs, outbox and platform.
 */
@Module({
  imports: [OutboxModule],
  providers: [OrderAccess, OrderDraftStore, OrderStateMachine, OrderFieldLock],
  exports: [OrderAccess, OrderDraftStore, OrderStateMachine, OrderFieldLock],
})
export class OrderCoreModule {}
