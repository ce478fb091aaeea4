import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  migrationCodeRequestSchema,
  migrationConfirmRequestSchema,
  type MigrationCodeRequest,
  type MigrationConfirmRequest,
  type MigrationOptions,
  type MigrationView,
  type SendAccountCodeResponse,
  type SessionUser,
} from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { ORDER_ID } from '../order-core/order-id.pipe';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { AccountMigrationService } from './account-migration.service';

const SUBJECT_ID = new ParseUUIDPipe({ exceptionFactory: () => new AppException('FILING_SUBJECT_NOT_FOUND') });

@ApiTags('account-migration')
@ApiBearerAuth()
@Controller()
export class AccountMigrationController {
  constructor(private readonly migration: AccountMigrationService) {}

  @Get('filings/subjects/:id/migration')
  options(@CurrentUser() user: SessionUser, @Param('id', SUBJECT_ID) id: string): Promise<MigrationOptions> {
    return this.migration.options(user, id);
  }

  @Get('orders/:id/migration')
  view(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string): Promise<MigrationView> {
    return this.migration.view(user, id);
  }

  @Post('orders/:id/migration/codes')
  @ApiZodBody(migrationCodeRequestSchema)
  sendCode(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @ZodBody(migrationCodeRequestSchema) body: MigrationCodeRequest,
  ): Promise<SendAccountCodeResponse> {
    return this.migration.sendCode(user, id, body);
  }

  @Post('orders/:id/migration/confirm')
  @HttpCode(200)
  @ApiZodBody(migrationConfirmRequestSchema)
  confirm(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @ZodBody(migrationConfirmRequestSchema) body: MigrationConfirmRequest,
  ): Promise<MigrationView> {
    return this.migration.confirm(user, id, body);
  }
}
