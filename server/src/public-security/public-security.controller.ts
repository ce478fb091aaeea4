import { Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { publicSecurityConsentRequestSchema, type PublicSecurityConsentRequest, type PublicSecurityView, type SessionUser } from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { ORDER_ID } from '../order-core/order-id.pipe';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { PublicSecurityService } from './public-security.service';

@ApiTags('public-security')
@ApiBearerAuth()
@Controller('orders/:id/public-security')
export class PublicSecurityController {
  constructor(private readonly service: PublicSecurityService) {}

  @Get()
  view(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string): Promise<PublicSecurityView> {
    return this.service.view(user, id);
  }

  @Put('consent')
  @ApiZodBody(publicSecurityConsentRequestSchema)
  choose(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @ZodBody(publicSecurityConsentRequestSchema) body: PublicSecurityConsentRequest,
  ): Promise<PublicSecurityView> {
    return this.service.choose(user, id, body.choice);
  }
}
