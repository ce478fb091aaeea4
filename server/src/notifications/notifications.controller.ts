import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { grantsRequestSchema, type GrantsRequest } from './notification-requests.schema';
import { SubscribeGrantsService } from './subscribe-grants.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly grants: SubscribeGrantsService) {}

  /** Records what the user answered in `wx.requestSubscribeMessage`; each accept allows one subscribe message. */
  @Post('grants')
  @HttpCode(200)
  @ApiZodBody(grantsRequestSchema)
  recordGrants(@CurrentUser() user: SessionUser, @ZodBody(grantsRequestSchema) body: GrantsRequest): Promise<{ accepted: number }> {
    return this.grants.record(user.id, body);
  }
}
