import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  cancellationSelectionSchema,
  sendAccountCodeRequestSchema,
  verifyAccountCodeRequestSchema,
  type CancellationOptions,
  type CancellationSelection,
  type CancellationView,
  type SendAccountCodeRequest,
  type SendAccountCodeResponse,
  type SessionUser,
  type VerifyAccountCodeRequest,
} from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { ORDER_ID } from '../order-core/order-id.pipe';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { CancellationFlowService } from './cancellation-flow.service';
import { CancellationOptionsService } from './cancellation-options.service';

const SUBJECT_ID = new ParseUUIDPipe({ exceptionFactory: () => new AppException('FILING_SUBJECT_NOT_FOUND') });

@ApiTags('cancellations')
@ApiBearerAuth()
@Controller()
export class CancellationsController {
  constructor(
    private readonly options: CancellationOptionsService,
    private readonly flow: CancellationFlowService,
  ) {}

  @Get('filings/subjects/:id/cancellation')
  subjectOptions(@CurrentUser() user: SessionUser, @Param('id', SUBJECT_ID) id: string): Promise<CancellationOptions> {
    return this.options.options(user, id);
  }

  @Get('orders/:id/cancellation')
  view(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string): Promise<CancellationView> {
    return this.flow.view(user, id);
  }

  @Put('orders/:id/cancellation')
  @ApiZodBody(cancellationSelectionSchema)
  select(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @ZodBody(cancellationSelectionSchema) body: CancellationSelection,
  ): Promise<CancellationView> {
    return this.flow.select(user, id, body);
  }

  @Post('orders/:id/cancellation/codes')
  @ApiZodBody(sendAccountCodeRequestSchema)
  sendCode(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @ZodBody(sendAccountCodeRequestSchema) body: SendAccountCodeRequest,
  ): Promise<SendAccountCodeResponse> {
    return this.flow.sendCode(user, id, body);
  }

  @Post('orders/:id/cancellation/verify')
  @HttpCode(200)
  @ApiZodBody(verifyAccountCodeRequestSchema)
  verify(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @ZodBody(verifyAccountCodeRequestSchema) body: VerifyAccountCodeRequest,
  ): Promise<CancellationView> {
    return this.flow.verify(user, id, body);
  }
}
