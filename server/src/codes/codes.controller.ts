import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  bindServiceCodeRequestSchema,
  checkCodeRequestSchema,
  generateAuthorizationCodeRequestSchema,
  serviceCodeGrantRequestSchema,
  type BindServiceCodeRequest,
  type CheckCodeRequest,
  type CodeInstanceView,
  type FilingCodeView,
  type GenerateAuthorizationCodeRequest,
  type GrantCheck,
  type ServiceCodeGrantRequest,
  type SessionUser,
} from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { AuthorizationCodesService } from './authorization-codes.service';
import { CodeInstancesService } from './code-instances.service';
import { ServiceCodeGrantsService } from './service-code-grants.service';

const CODE_ID = new ParseUUIDPipe({ exceptionFactory: () => new AppException('CODE_NOT_FOUND') });

/** 备案授权码 and 服务码管理 of the caller's account; each code is read and changed only by its owner or holder. */
@ApiTags('codes')
@ApiBearerAuth()
@Controller()
export class CodesController {
  constructor(
    private readonly instances: CodeInstancesService,
    private readonly authorizationCodes: AuthorizationCodesService,
    private readonly grants: ServiceCodeGrantsService,
  ) {}

  @Get('codes/instances')
  listInstances(@CurrentUser() user: SessionUser): Promise<CodeInstanceView[]> {
    return this.instances.list(user);
  }

  @Get('codes/authorization')
  listAuthorizationCodes(@CurrentUser() user: SessionUser): Promise<FilingCodeView[]> {
    return this.authorizationCodes.list(user);
  }

  @Post('codes/authorization')
  @ApiZodBody(generateAuthorizationCodeRequestSchema)
  generate(@CurrentUser() user: SessionUser, @ZodBody(generateAuthorizationCodeRequestSchema) body: GenerateAuthorizationCodeRequest): Promise<FilingCodeView> {
    return this.authorizationCodes.generate(user, body);
  }

  @Post('codes/authorization/:codeId/revoke')
  @HttpCode(200)
  revoke(@CurrentUser() user: SessionUser, @Param('codeId', CODE_ID) codeId: string): Promise<FilingCodeView> {
    return this.authorizationCodes.revoke(user, codeId);
  }

  @Post('codes/check')
  @HttpCode(200)
  @ApiZodBody(checkCodeRequestSchema)
  check(@CurrentUser() user: SessionUser, @ZodBody(checkCodeRequestSchema) body: CheckCodeRequest): Promise<FilingCodeView> {
    return this.authorizationCodes.check(user, body);
  }

  @Get('codes/service')
  @ApiQuery({ name: 'tab', enum: ['own', 'received'] })
  listServiceCodes(@CurrentUser() user: SessionUser, @Query('tab') tab: string): Promise<FilingCodeView[]> {
    return this.grants.list(user, tab === 'received' ? 'received' : 'own');
  }

  @Post('codes/service/:codeId/bind')
  @HttpCode(200)
  @ApiZodBody(bindServiceCodeRequestSchema)
  bind(
    @CurrentUser() user: SessionUser,
    @Param('codeId', CODE_ID) codeId: string,
    @ZodBody(bindServiceCodeRequestSchema) body: BindServiceCodeRequest,
  ): Promise<FilingCodeView> {
    return this.grants.bind(user, codeId, body.instanceId);
  }

  @Post('codes/service/grants/verify')
  @HttpCode(200)
  @ApiZodBody(serviceCodeGrantRequestSchema)
  verifyGrant(@CurrentUser() user: SessionUser, @ZodBody(serviceCodeGrantRequestSchema) body: ServiceCodeGrantRequest): Promise<GrantCheck> {
    return this.grants.verify(user, body);
  }

  @Post('codes/service/grants')
  @ApiZodBody(serviceCodeGrantRequestSchema)
  grant(@CurrentUser() user: SessionUser, @ZodBody(serviceCodeGrantRequestSchema) body: ServiceCodeGrantRequest): Promise<FilingCodeView[]> {
    return this.grants.grant(user, body);
  }
}
