import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OutboxModule } from '../outbox/outbox.module';
import { DraftSavedEffects } from './draft-saved-effects';
import { FaceCheckRecordsPort } from './face-check-records.port';
import { FilingTypeChecks } from './filing-type-checks';
import { OrderStatusEffects } from './order-status-effects';
import { OrderAccess } from './order-access';
import { OrderOwnership } from './order-ownership';
import { OrderApprovalPort } from './order-approval.port';
import { OrderDraftStore } from './order-draft.store';
import { OrderFieldLock } from './order-field-lock.service';
import { OrderStateMachine } from './order-state-machine';
import { RegulatorRecordsPort } from './regulator-records.port';
import { SubmissionChecks } from './submission-checks';
import { TransitionGuards } from './transition-guards';

/**
 * The order on its own floor: its entities, draft store, state machine with its guard registry, field lock, access
 * check, the submission and 验证备案类型 checks and the ports to what other modules record about an order. Every module working on
 * orders imports this one; it imports nothing above the jobs, outbox and platform.
 */
@Module({
  imports: [OutboxModule, DiscoveryModule],
  providers: [
    OrderAccess,
    OrderDraftStore,
    OrderStateMachine,
    OrderFieldLock,
    TransitionGuards,
    SubmissionChecks,
    FilingTypeChecks,
    DraftSavedEffects,
    RegulatorRecordsPort,
    FaceCheckRecordsPort,
    OrderApprovalPort,
    OrderStatusEffects,
    OrderOwnership,
  ],
  exports: [
    OrderAccess,
    OrderDraftStore,
    OrderStateMachine,
    OrderFieldLock,
    TransitionGuards,
    SubmissionChecks,
    FilingTypeChecks,
    DraftSavedEffects,
    RegulatorRecordsPort,
    FaceCheckRecordsPort,
    OrderApprovalPort,
    OrderStatusEffects,
    OrderOwnership,
  ],
})
export class OrderCoreModule {}
