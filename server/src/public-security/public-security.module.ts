import { Module } from '@nestjs/common';
import { OrderCoreModule } from '../order-core/order-core.module';
import { PublicSecurityController } from './public-security.controller';
import { PublicSecurityPlatform } from './public-security-platform.port';
import { PublicSecurityService } from './public-security.service';
import { SimulatedPublicSecurityPlatform } from './simulated.public-security-platform';

/** 公安联网备案数据码: the applicant's authorisation and the data code after approval (S000). */
@Module({
  imports: [OrderCoreModule],
  controllers: [PublicSecurityController],
  providers: [PublicSecurityService, { provide: PublicSecurityPlatform, useClass: SimulatedPublicSecurityPlatform }],
})
export class PublicSecurityModule {}
