import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { bindAccountMobileRequestSchema, type AccountView, type BindAccountMobileRequest, type SessionUser } from '@beian/shared';
import { AccountsService } from '../accounts/accounts.service';
import { CurrentUser } from '../auth/auth.guard';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { SmsService } from '../sms/sms.service';

/** 绑定手机: the caller's own account binds a mobile with the SMS code sent to it (`POST sms/codes`, purpose `account_mobile`). */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts/me/mobile')
export class AccountMobileController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sms: SmsService,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiZodBody(bindAccountMobileRequestSchema)
  async bind(@CurrentUser() user: SessionUser, @ZodBody(bindAccountMobileRequestSchema) body: BindAccountMobileRequest): Promise<AccountView> {
    await this.accounts.ensure(user.id);
    return this.sms.proveMobile(user.id, body.mobile, body.code, (tx) => this.accounts.bindMobile(tx, user.id, body.mobile));
  }
}
