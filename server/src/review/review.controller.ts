import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  accessRequestSchema,
  callLogRequestSchema,
  rejectRequestSchema,
  type AccessLink,
  type AccessRequest,
  type CallLogEntry,
  type CallLogRequest,
  type RejectRequest,
  type RevealedField,
  type ReviewOrderDetail,
  type ReviewQueueItem,
  type SessionUser,
} from '@beian/shared';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../auth/auth.guard';
import { Public } from '../platform/http/public-route';
import { Roles } from '../auth/roles.guard';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { ReviewFiles } from './review-files.service';
import { ReviewAccessService } from './review-access.service';
import { ReviewDecisionsService } from './review-decisions.service';
import { ReviewQueueService } from './review-queue.service';
import { ORDER_ID } from '../order-core/order-id.pipe';

/** The staff console's 初审 API: reviewers see any order; applicants get 403. */
@ApiTags('review')
@ApiBearerAuth()
@Roles('reviewer')
@Controller('review')
export class ReviewController {
  constructor(
    private readonly reads: ReviewQueueService,
    private readonly decisions: ReviewDecisionsService,
    private readonly links: ReviewAccessService,
  ) {}

  @Get('queue')
  queue(): Promise<ReviewQueueItem[]> {
    return this.reads.queue();
  }

  @Get('orders/:id')
  detail(@Param('id', ORDER_ID) id: string): Promise<ReviewOrderDetail> {
    return this.reads.detail(id);
  }

  @Post('orders/:id/calls')
  @ApiZodBody(callLogRequestSchema)
  call(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string, @ZodBody(callLogRequestSchema) body: CallLogRequest): Promise<CallLogEntry> {
    return this.decisions.recordCall(user, id, body);
  }

  /** 领取: takes the submission for 初审; the applicant can no longer pull it back. */
  @Post('orders/:id/claim')
  @HttpCode(200)
  claim(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string): Promise<ReviewOrderDetail> {
    return this.decisions.claim(user, id);
  }

  @Post('orders/:id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string): Promise<ReviewOrderDetail> {
    return this.decisions.approve(user, id);
  }

  @Post('orders/:id/reject')
  @HttpCode(200)
  @ApiZodBody(rejectRequestSchema)
  reject(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string, @ZodBody(rejectRequestSchema) body: RejectRequest): Promise<ReviewOrderDetail> {
    return this.decisions.reject(user, id, body);
  }

  /** A short-lived signed link to one personal value, material or face video, with the reason (audited). */
  @Post('orders/:id/access')
  @ApiZodBody(accessRequestSchema)
  access(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string, @ZodBody(accessRequestSchema) body: AccessRequest): Promise<AccessLink> {
    return this.links.issueAccess(user, id, body);
  }
}

/** Opening a signed link needs no session (it may open in a new tab); the signature and its expiry decide. */
@ApiTags('review')
@Controller('review/access')
export class ReviewAccessController {
  constructor(
    private readonly links: ReviewAccessService,
    private readonly files: ReviewFiles,
  ) {}

  @Public()
  @Get(':token')
  async open(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<RevealedField | undefined> {
    void reply.header('cache-control', 'no-store');
    const opened = await this.links.openAccess(token);
    if ('field' in opened) return opened.field;
    void reply.redirect(await this.files.signedUrl(opened.orderId, opened.fileId), 302);
    return undefined;
  }
}
