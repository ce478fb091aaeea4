import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OrderCoreModule } from '../order-core/order-core.module';
import { EligibleResourcesCheck } from './eligible-resources.check';
import { ResourceChecks } from './resource-checks';
import { ResourceEligibility } from './resource-eligibility.service';
import { ResourceInventory } from './resource-inventory.port';
import { ResourceLapse } from './resource-lapse.service';
import { ResourceRefundEffects } from './resource-refund-effects';
import { ResourceSimulator } from './resource-simulator.service';
import { ResourceLapseJobs } from './resource-lapse.jobs';
import { ResourceUses } from './resource-uses';
import { LapseOnRefund, ResourceUsesOnOrderStatus } from './resource-uses.effects';
import { ResourcesAdminController, ResourcesController, ResourcesSimController } from './resources.controller';
import { SimulatedResourceInventory } from './simulated.resource-inventory';

/**
 * The account's cloud resources a filing stands on: the inventory port, eligibility, the submit and pre-管局 checks.
 * A 备案授权码 / 服务码 module plugs in with a `@RESOURCE_CHECKS()` provider, reads instances through `ResourceInventory`
 * and follows a 退费 with a `@RESOURCE_REFUND_EFFECTS()` provider.
 */
@Module({
  imports: [OrderCoreModule, DiscoveryModule],
  controllers: [ResourcesController, ResourcesAdminController, ResourcesSimController],
  providers: [
    ResourceEligibility,
    ResourceChecks,
    EligibleResourcesCheck,
    ResourceLapse,
    ResourceRefundEffects,
    ResourceSimulator,
    ResourceUses,
    ResourceUsesOnOrderStatus,
    ResourceLapseJobs,
    LapseOnRefund,
    SimulatedResourceInventory,
    // Only the simulated inventory exists so far; a provider adapter is picked here from AppConfig.
    { provide: ResourceInventory, useExisting: SimulatedResourceInventory },
  ],
  exports: [ResourceLapse, ResourceInventory],
})
export class ResourcesModule {}
