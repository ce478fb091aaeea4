import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { OrderCoreModule } from '../order-core/order-core.module';
import { ResourcesModule } from '../resources/resources.module';
import { SmsModule } from '../sms/sms.module';
import { AuthorizationCodesService } from './authorization-codes.service';
import { CodeGrantEntity } from './code-grant.entity';
import { CodeInstancesService } from './code-instances.service';
import { CodeServerExpiry } from './code-server-expiry';
import { FilingCodesCheck, FilingCodesOnOrderStatus, SameAccountCodesOnSave } from './code-order-effects';
import { CodeUsage } from './code-usage';
import { CodesController } from './codes.controller';
import { FilingCodeEntity } from './filing-code.entity';
import { FilingCodeViews } from './filing-codes';
import { FilingTypeCodeCheck } from './filing-type-code.check';
import { ResourcesServerInventory } from './resources.server-inventory';
import { SameAccountCodes } from './same-account-codes';
import { ServerInventory } from './server-inventory.port';
import { ServiceCodeGrantsService } from './service-code-grants.service';

/**
 * 备案授权码 and ICP备案服务码 with grants: codes on a server of the account's cloud inventory, checked at submission and
 * following their order (reserved, used on approval, released when it is withdrawn or expires).
 */
@Module({
  imports: [TypeOrmModule.forFeature([FilingCodeEntity, CodeGrantEntity]), AccountsModule, OrderCoreModule, ResourcesModule, SmsModule],
  controllers: [CodesController],
  providers: [
    { provide: ServerInventory, useClass: ResourcesServerInventory },
    CodeInstancesService,
    AuthorizationCodesService,
    ServiceCodeGrantsService,
    CodeServerExpiry,
    CodeUsage,
    FilingCodeViews,
    FilingCodesCheck,
    FilingCodesOnOrderStatus,
    FilingTypeCodeCheck,
    SameAccountCodes,
    SameAccountCodesOnSave,
  ],
})
export class CodesModule {}
