import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { submitRealNameRequestSchema, type AccountView, type SessionUser, type SubmitRealNameRequest } from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { AccountsService } from './accounts.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 我的账号: the account ID, the type and the 实名认证 (masked). */
  @Get('accounts/me')
  me(@CurrentUser() user: SessionUser): Promise<AccountView> {
    return this.accounts.me(user);
  }

  @Post('accounts/me/real-name')
  @HttpCode(200)
  @ApiZodBody(submitRealNameRequestSchema)
  submitRealName(@CurrentUser() user: SessionUser, @ZodBody(submitRealNameRequestSchema) body: SubmitRealNameRequest): Promise<AccountView> {
    return this.accounts.submitRealName(user, body);
  }

  /** Simulators only: a 子账号 of the caller (what the console's 访问管理 would create). */
  @Post('sim/accounts/sub-accounts')
  createSubAccount(@CurrentUser() user: SessionUser): Promise<AccountView> {
    if (!this.config.simulatorsEnabled) throw new AppException('SIMULATOR_ONLY');
    return this.accounts.createSubAccount(user);
  }
}
