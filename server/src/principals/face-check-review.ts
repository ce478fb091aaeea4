import { Controller, HttpCode, Injectable, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { confirmFaceCheckRequestSchema, type ConfirmFaceCheckRequest, type FaceCheckView, type SessionUser, type TransitionGuard } from '@beian/shared';
import { Not, IsNull, type EntityManager } from 'typeorm';
import { CurrentUser } from '../auth/auth.guard';
import { Roles } from '../auth/roles.guard';
import { ChecksGuards, guardFailed, type GuardChecker, type GuardedOrder } from '../order-core/transition-guards';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { FaceCheckEntity } from './face-check.entity';
import { FaceChecksService } from './face-checks.service';

const faceCheckId = new ParseUUIDPipe({ exceptionFactory: () => new AppException('FACE_CHECK_NOT_FOUND') });

/** The review console's verdict on a face video the verifier left to a person. */
@ApiTags('review')
@ApiBearerAuth()
@Roles('reviewer')
@Controller('review/face-checks')
export class FaceCheckReviewController {
  constructor(private readonly faceChecks: FaceChecksService) {}

  @Post(':faceCheckId/confirm')
  @HttpCode(200)
  @ApiZodBody(confirmFaceCheckRequestSchema)
  confirm(
    @CurrentUser() user: SessionUser,
    @Param('faceCheckId', faceCheckId) id: string,
    @ZodBody(confirmFaceCheckRequestSchema) body: ConfirmFaceCheckRequest,
  ): Promise<FaceCheckView> {
    return this.faceChecks.confirmByReviewer(user.id, id, body.ok, body.reason ?? null);
  }
}

/** 初审通过 only once every recorded face video has passed: none waits for a reviewer, none was rejected. */
@Injectable()
@ChecksGuards(['face_checks_confirmed'])
export class FaceChecksConfirmedGuard implements GuardChecker {
  async check(guard: TransitionGuard, tx: EntityManager, order: GuardedOrder): Promise<void> {
    const recorded = await tx.find(FaceCheckEntity, { select: { status: true }, where: { orderId: order.id, videoFileId: Not(IsNull()) } });
    if (recorded.some((check) => check.status !== 'passed')) throw guardFailed(guard);
  }
}
