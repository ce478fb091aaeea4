import { Module } from '@nestjs/common';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { ResourcesModule } from '../resources/resources.module';
import { FilingRecordModule } from '../filing-record/filing-record.module';
import { OrderCoreModule } from '../order-core/order-core.module';
import { IcpNumberAllocator } from './icp-number.allocator';
import { MiitProviderGateway } from './miit-provider.gateway';
import { RegulatorEventsService } from './regulator-events.service';
import { RegulatorGateway } from './regulator-gateway.port';
import { DevClockController, RegulatorSimController } from './regulator-sim.controller';
import { RegulatorSubmitter } from './regulator-submit.jobs';
import { RegulatorWithdrawal } from './regulator-withdrawal.effect';
import { BureauReviewSimulator } from './bureau-review.simulator';
import { RegulatorSimulator } from './regulator.simulator';
import { RegulatorSms } from './regulator-sms.port';
import { SimulatorOutboxRegulatorSms } from './simulator-outbox.regulator-sms';
import { RegulatorGuards } from './regulator.guards';
import { RegulatorRecordsReader } from './regulator-records';

/**
 * The MIIT/管局 port. Embedded default (simulators on): the simulator, its SMS kept in a table. Otherwise the
 * provider adapter (not available: MIIT has no public API, see MiitProviderGateway).
 */
@Module({
  imports: [OrderCoreModule, FilingRecordModule, ResourcesModule],
  controllers: [RegulatorSimController, DevClockController],
  providers: [
    RegulatorEventsService,
    RegulatorGuards,
    RegulatorRecordsReader,
    RegulatorSubmitter,
    RegulatorWithdrawal,
    IcpNumberAllocator,
    BureauReviewSimulator,
    RegulatorSimulator,
    { provide: RegulatorSms, useClass: SimulatorOutboxRegulatorSms },
    {
      provide: RegulatorGateway,
      inject: [APP_CONFIG, RegulatorSimulator],
      useFactory: (config: AppConfig, simulator: RegulatorSimulator): RegulatorGateway => {
        if (!config.simulatorsEnabled) return new MiitProviderGateway();
        simulator.registerJobs();
        return simulator;
      },
    },
  ],
})
export class RegulatorModule {}
