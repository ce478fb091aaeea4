import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  mobileLookupRequestSchema,
  sendSmsCodeRequestSchema,
  verifySmsCodeRequestSchema,
  type DevSmsMessage,
  type MobileLookupRequest,
  type SendSmsCodeRequest,
  type SendSmsCodeResponse,
  type SessionUser,
  type SmsVerification,
  type VerifySmsCodeRequest,
} from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/app-config';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { SmsService } from './sms.service';
import { ORDER_ID } from '../order-core/order-id.pipe';

@ApiTags('sms')
@ApiBearerAuth()
@Controller()
export class SmsController {
  constructor(
    private readonly sms: SmsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('sms/codes')
  @ApiZodBody(sendSmsCodeRequestSchema)
  sendCode(@CurrentUser() user: SessionUser, @ZodBody(sendSmsCodeRequestSchema) body: SendSmsCodeRequest): Promise<SendSmsCodeResponse> {
    return this.sms.sendCode(user, body);
  }

  @Post('sms/verify')
  @HttpCode(200)
  @ApiZodBody(verifySmsCodeRequestSchema)
  verify(@CurrentUser() user: SessionUser, @ZodBody(verifySmsCodeRequestSchema) body: VerifySmsCodeRequest): Promise<SmsVerification> {
    return this.sms.verify(user, body);
  }

  @Get('orders/:id/mobile-verifications')
  verifications(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string): Promise<SmsVerification[]> {
    return this.sms.verifications(user, id);
  }

  /** The mobile in the body: personal data stays out of URLs (and so out of access logs). */
  @Post('dev/sms-outbox/search')
  @HttpCode(200)
  @ApiZodBody(mobileLookupRequestSchema)
  searchDevOutbox(@ZodBody(mobileLookupRequestSchema) body: MobileLookupRequest): Promise<DevSmsMessage[]> {
    if (!this.config.simulatorsEnabled) throw new AppException('ROUTE_NOT_FOUND');
    return this.sms.devOutbox(body.mobile);
  }

  /** Kept for the mini-program's browser tests; prefer `POST dev/sms-outbox/search` (the query is redacted in logs). */
  @Get('dev/sms-outbox')
  @ApiQuery({ name: 'mobile', required: false, deprecated: true })
  devOutbox(@Query('mobile') mobile?: string): Promise<DevSmsMessage[]> {
    if (!this.config.simulatorsEnabled) throw new AppException('ROUTE_NOT_FOUND');
    return this.sms.devOutbox(mobile);
  }
}
