import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ContinueCodes, ContinueCodesController } from './continue-codes';
import { AccountsModule } from '../accounts/accounts.module';
import { FilingRecordModule } from '../filing-record/filing-record.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrderCoreModule } from '../order-core/order-core.module';
import { SmsModule } from '../sms/sms.module';
import { FilingTypeController } from './filing-type.controller';
import { FilingTypeService } from './filing-type.service';
import { InFlightOrdersCheck } from './in-flight-orders';
import { InactivityGuard } from './order-guards';
import { OrderLifecycleJobs } from './order-lifecycle.jobs';
import { OrderPrecheck } from './order-precheck.service';
import { OrderProgressService } from './order-progress.service';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { ChangeOrders } from './change-orders';
import { RecordOrders } from './record-orders';
import { SimulatedRegistryNumbers } from './simulated-registry-numbers';

/** The applicant's use cases on an order: create, edit, check, submit, follow; the filing type; the order's time-driven jobs; 扫码继续. */
@Module({
  imports: [OrderCoreModule, NotificationsModule, FilingRecordModule, SmsModule, AuthModule, AccountsModule],
  controllers: [OrdersController, FilingTypeController, ContinueCodesController],
  providers: [
    OrdersService,
    RecordOrders,
    ChangeOrders,
    InFlightOrdersCheck,
    OrderPrecheck,
    InactivityGuard,
    OrderProgressService,
    OrderLifecycleJobs,
    FilingTypeService,
    SimulatedRegistryNumbers,
    ContinueCodes,
  ],
})
export class OrdersModule {}
