import { Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  createOrderRequestSchema,
  reopenFieldsRequestSchema,
  saveDraftRequestSchema,
  type CreateOrderRequest,
  type EditableFields,
  type OrderDetail,
  type OrderProgress,
  type OrderSummary,
  type PrecheckResponse,
  type ReopenFieldsRequest,
  type SaveDraftRequest,
  type SaveDraftResponse,
  type SessionUser,
} from '@beian/shared';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../auth/auth.guard';
import type { IdempotentResult } from '../platform/http/idempotency.service';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { OrderProgressService } from './order-progress.service';
import { OrdersService } from './orders.service';
import { ORDER_ID } from '../order-core/order-id.pipe';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly progressPages: OrderProgressService,
  ) {}

  @Post()
  @ApiZodBody(createOrderRequestSchema)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first answer' })
  create(
    @CurrentUser() user: SessionUser,
    @ZodBody(createOrderRequestSchema) body: CreateOrderRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderDetail> {
    return withStatus(reply, this.orders.create(user, body, key));
  }

  @Get()
  list(@CurrentUser() user: SessionUser): Promise<OrderSummary[]> {
    return this.orders.list(user);
  }

  @Get(':id')
  @ApiQuery({ name: 'reveal', required: false, description: 'true: the owner sees personal data unmasked, to edit it' })
  get(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string, @Query('reveal') reveal?: string): Promise<OrderDetail> {
    return this.orders.get(user, id, reveal === 'true');
  }

  @Get(':id/precheck')
  precheck(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string): Promise<PrecheckResponse> {
    return this.orders.check(user, id);
  }

  @Patch(':id/draft')
  @ApiZodBody(saveDraftRequestSchema)
  saveDraft(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @ZodBody(saveDraftRequestSchema) body: SaveDraftRequest,
  ): Promise<SaveDraftResponse> {
    return this.orders.saveDraft(user, id, body);
  }

  @Post(':id/submit')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  submit(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderDetail> {
    return withStatus(reply, this.orders.submit(user, id, key));
  }

  @Post(':id/resubmit')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  resubmit(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderDetail> {
    return withStatus(reply, this.orders.resubmit(user, id, key));
  }

  /** 撤回修改: back to the draft while no reviewer has claimed the submission (409 REVIEW_ALREADY_STARTED after). */
  @Post(':id/pull-back')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  pullBack(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderDetail> {
    return withStatus(reply, this.orders.pullBack(user, id, key));
  }

  /** 撤销订单: ends the order where the workflow allows it; the account may then start a new one. */
  @Post(':id/withdraw')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  withdraw(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderDetail> {
    return withStatus(reply, this.orders.withdraw(user, id, key));
  }

  /** While rejected, unlocks more fields than the reviewer rejected; they are reviewed again with the rest. */
  @Post(':id/reopen-fields')
  @HttpCode(200)
  @ApiZodBody(reopenFieldsRequestSchema)
  reopenFields(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @ZodBody(reopenFieldsRequestSchema) body: ReopenFieldsRequest,
  ): Promise<EditableFields> {
    return this.orders.reopenFields(user, id, body.paths);
  }

  /** Polled by the progress page: send the last `ETag` as `If-None-Match` to get 304 while nothing changed. */
  @Get(':id/progress')
  @ApiHeader({ name: 'If-None-Match', required: false })
  async progress(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderProgress | undefined> {
    const answer = await this.progressPages.progress(user, id, ifNoneMatch);
    void reply.header('etag', answer.etag).header('cache-control', 'no-cache');
    if (answer.notModified) {
      void reply.status(304);
      return undefined;
    }
    return answer.body;
  }
}

/** Sends an idempotent result's status (201 on a first create, 200 …) with its body. */
async function withStatus<T>(reply: FastifyReply, pending: Promise<IdempotentResult<T>>): Promise<T> {
  const result = await pending;
  void reply.status(result.status);
  return result.body;
}
