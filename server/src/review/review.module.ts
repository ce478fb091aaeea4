import { Module } from '@nestjs/common';
import { FilingRecordModule } from '../filing-record/filing-record.module';
import { InsightsModule } from '../insights/insights.module';
import { MaterialsModule } from '../materials/materials.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrderCoreModule } from '../order-core/order-core.module';
import { ReviewAccessController, ReviewController } from './review.controller';
import { ReviewFiles } from './review-files.service';
import { ReviewReminders } from './review-reminders.jobs';
import { ReviewGuards } from './review.guards';
import { ReviewAccessService } from './review-access.service';
import { ReviewDecisionsService } from './review-decisions.service';
import { ReviewQueueService } from './review-queue.service';

/** The provider's 初审 behind the reviewer role. */
@Module({
  imports: [OrderCoreModule, NotificationsModule, MaterialsModule, FilingRecordModule, InsightsModule],
  controllers: [ReviewController, ReviewAccessController],
  providers: [ReviewQueueService, ReviewDecisionsService, ReviewAccessService, ReviewGuards, ReviewReminders, ReviewFiles],
})
export class ReviewModule {}
