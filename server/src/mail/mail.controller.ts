import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { mailLookupRequestSchema, type DevMailMessage, type MailLookupRequest } from '@beian/shared';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { DevMailboxMailSender } from './dev-mailbox.mail-sender';

@ApiTags('dev')
@Controller('dev/mailbox')
export class MailController {
  constructor(
    private readonly mailbox: DevMailboxMailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The address in the body: personal data stays out of URLs (and so out of access logs). */
  @Post('search')
  @HttpCode(200)
  @ApiZodBody(mailLookupRequestSchema)
  search(@ZodBody(mailLookupRequestSchema) body: MailLookupRequest): Promise<DevMailMessage[]> {
    if (!this.config.simulatorsEnabled) throw new AppException('ROUTE_NOT_FOUND');
    return this.mailbox.search(body.email);
  }
}
