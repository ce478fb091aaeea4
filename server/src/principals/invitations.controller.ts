import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  consentRequestSchema,
  createPrincipalUploadRequestSchema,
  invitationIdPhotoRequestSchema,
  invitationSmsVerifyRequestSchema,
  submitFaceCheckRequestSchema,
  type ConsentRecord,
  type ConsentRequest,
  type CreatePrincipalUploadRequest,
  type FaceChallenge,
  type FaceCheckView,
  type InvitationIdPhotoRequest,
  type InvitationSmsVerifyRequest,
  type InvitationView,
  type SendSmsCodeResponse,
  type SessionUser,
  type SubmitFaceCheckRequest,
  type UploadTicket,
} from '@beian/shared';
import type { PipeTransform } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../auth/auth.guard';
import { AppException } from '../platform/errors/app-exception';
import { PublicOrigin } from '../platform/http/public-origin';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { InviteeOwnPartService } from './invitee-own-part.service';
import { PrincipalInvitationsService } from './principal-invitations.service';

class TokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z0-9_-]{32}$/.test(value)) throw new AppException('INVITATION_NOT_FOUND');
    return value;
  }
}
const token = new TokenPipe();
const invitationId = new ParseUUIDPipe({ exceptionFactory: () => new AppException('INVITATION_NOT_FOUND') });

/** The invited principal's side, on their own phone and account. */
@ApiTags('invitations')
@ApiBearerAuth()
@Controller('invitations/:token')
export class InvitationsController {
  constructor(
    private readonly invitations: PrincipalInvitationsService,
    private readonly ownPart: InviteeOwnPartService,
    private readonly origin: PublicOrigin,
  ) {}

  @Get()
  view(@CurrentUser() user: SessionUser, @Param('token', token) value: string): Promise<InvitationView> {
    return this.invitations.view(user, value);
  }

  /**
   * Owner only (the route's `:token` is the invitation's id here): the PNG the principal scans — a mini-program code
   * (scene = the token) with an AppID, else a QR code of the H5 link.
   */
  @Get('wxacode')
  @ApiProduces('image/png')
  async wxacode(
    @CurrentUser() user: SessionUser,
    @Param('token', invitationId) id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const png = await this.invitations.invitationCode(user, id, this.origin.of(request));
    void reply.header('content-type', 'image/png').header('cache-control', 'private, no-store');
    return png;
  }

  @Post('accept')
  @HttpCode(200)
  accept(@CurrentUser() user: SessionUser, @Param('token', token) value: string): Promise<InvitationView> {
    return this.invitations.accept(user, value);
  }

  @Post('consent')
  @HttpCode(200)
  @ApiZodBody(consentRequestSchema)
  consent(@CurrentUser() user: SessionUser, @Param('token', token) value: string, @ZodBody(consentRequestSchema) body: ConsentRequest): Promise<ConsentRecord> {
    return this.invitations.consentByInvitation(user, value, body.version);
  }

  @Post('uploads')
  @ApiZodBody(createPrincipalUploadRequestSchema)
  upload(
    @CurrentUser() user: SessionUser,
    @Param('token', token) value: string,
    @ZodBody(createPrincipalUploadRequestSchema) body: CreatePrincipalUploadRequest,
  ): Promise<UploadTicket> {
    return this.invitations.uploadTicket(user, value, body);
  }

  /** A confirmed ID photo uploaded through this invitation becomes the order's material for this person. */
  @Post('id-photos')
  @HttpCode(200)
  @ApiZodBody(invitationIdPhotoRequestSchema)
  idPhoto(
    @CurrentUser() user: SessionUser,
    @Param('token', token) value: string,
    @ZodBody(invitationIdPhotoRequestSchema) body: InvitationIdPhotoRequest,
  ): Promise<InvitationView> {
    return this.ownPart.attachIdPhoto(user, value, body.fileId);
  }

  /** A code to the mobile the applicant typed for this principal (the caller names no number). */
  @Post('sms-code')
  smsCode(@CurrentUser() user: SessionUser, @Param('token', token) value: string): Promise<SendSmsCodeResponse> {
    return this.ownPart.sendSmsCode(user, value);
  }

  @Post('sms-verify')
  @HttpCode(200)
  @ApiZodBody(invitationSmsVerifyRequestSchema)
  smsVerify(
    @CurrentUser() user: SessionUser,
    @Param('token', token) value: string,
    @ZodBody(invitationSmsVerifyRequestSchema) body: InvitationSmsVerifyRequest,
  ): Promise<InvitationView> {
    return this.ownPart.verifyMobile(user, value, body.code);
  }

  @Post('face-check/challenge')
  challenge(@CurrentUser() user: SessionUser, @Param('token', token) value: string): Promise<FaceChallenge> {
    return this.invitations.challengeByInvitation(user, value);
  }

  @Post('face-check')
  @HttpCode(200)
  @ApiZodBody(submitFaceCheckRequestSchema)
  submit(
    @CurrentUser() user: SessionUser,
    @Param('token', token) value: string,
    @ZodBody(submitFaceCheckRequestSchema) body: SubmitFaceCheckRequest,
  ): Promise<FaceCheckView> {
    return this.invitations.submitByInvitation(user, value, body);
  }
}
