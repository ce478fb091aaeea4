import { Module } from '@nestjs/common';
import { OrderCoreModule } from '../order-core/order-core.module';
import { InsightsController } from './insights.controller';
import { RejectionFacts } from './rejection-facts.service';

/** Learning from 初审: each rejected field recorded anonymised, misses of the pre-check for staff, common reasons for applicants. */
@Module({
  imports: [OrderCoreModule],
  controllers: [InsightsController],
  providers: [RejectionFacts],
  exports: [RejectionFacts],
})
export class InsightsModule {}
