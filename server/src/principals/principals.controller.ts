import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  PRINCIPAL_PATH_PATTERN,
  consentRequestSchema,
  submitFaceCheckRequestSchema,
  type ConsentRecord,
  type ConsentRequest,
  type FaceChallenge,
  type FaceCheckView,
  type Invitation,
  type PrincipalStatus,
  type SessionUser,
  type SubmitFaceCheckRequest,
} from '@beian/shared';
import type { PipeTransform } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CurrentUser } from '../auth/auth.guard';
import { AppException } from '../platform/errors/app-exception';
import { PublicOrigin } from '../platform/http/public-origin';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { FaceChecksService } from './face-checks.service';
import { PrincipalInvitationsService } from './principal-invitations.service';
import { ORDER_ID } from '../order-core/order-id.pipe';

const invitationId = new ParseUUIDPipe({ exceptionFactory: () => new AppException('INVITATION_NOT_FOUND') });

class PrincipalPathPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PRINCIPAL_PATH_PATTERN.test(value)) throw new AppException('NOT_FOUND');
    return value;
  }
}
const principalPath = new PrincipalPathPipe();

/** The applicant's side: principals of their order, invitations, and the face check on their own phone. */
@ApiTags('principals')
@ApiBearerAuth()
@Controller('orders/:id/principals')
export class PrincipalsController {
  constructor(
    private readonly invitations: PrincipalInvitationsService,
    private readonly faceChecks: FaceChecksService,
    private readonly origin: PublicOrigin,
  ) {}

  @Get()
  list(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string): Promise<PrincipalStatus[]> {
    return this.invitations.list(user, id);
  }

  /** The invitation SMS carries the H5 link on the public address. */
  @Post(':path/invitations')
  invite(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @Param('path', principalPath) path: string,
    @Req() request: FastifyRequest,
  ): Promise<Invitation> {
    return this.invitations.invite(user, id, path, this.origin.of(request));
  }

  @Delete('invitations/:invitationId')
  @HttpCode(204)
  revoke(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string, @Param('invitationId', invitationId) invitation: string): Promise<void> {
    return this.invitations.revoke(user, id, invitation);
  }

  @Post(':path/consent')
  @HttpCode(200)
  @ApiZodBody(consentRequestSchema)
  consent(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @Param('path', principalPath) path: string,
    @ZodBody(consentRequestSchema) body: ConsentRequest,
  ): Promise<ConsentRecord> {
    return this.faceChecks.consentAsOwner(user, id, path, body.version);
  }

  @Post(':path/face-check/challenge')
  challenge(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string, @Param('path', principalPath) path: string): Promise<FaceChallenge> {
    return this.faceChecks.challengeAsOwner(user, id, path);
  }

  @Post(':path/face-check')
  @HttpCode(200)
  @ApiZodBody(submitFaceCheckRequestSchema)
  submit(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @Param('path', principalPath) path: string,
    @ZodBody(submitFaceCheckRequestSchema) body: SubmitFaceCheckRequest,
  ): Promise<FaceCheckView> {
    return this.faceChecks.submitAsOwner(user, id, path, body);
  }
}
