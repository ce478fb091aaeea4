import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  devLoginRequestSchema,
  wechatLoginRequestSchema,
  type DevLoginRequest,
  type LoginResponse,
  type SessionUser,
  type WechatLoginRequest,
} from '@beian/shared';
import type { FastifyRequest } from 'fastify';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { AuthService } from './auth.service';
import { Public } from '../platform/http/public-route';
import { CurrentUser, bearerToken } from './auth.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Exchanges the mini-program's `wx.login()` code for our own session token. */
  @Public()
  @Post('wechat-login')
  @HttpCode(200)
  @ApiZodBody(wechatLoginRequestSchema)
  wechatLogin(@ZodBody(wechatLoginRequestSchema) body: WechatLoginRequest): Promise<LoginResponse> {
    return this.auth.wechatLogin(body.code);
  }

  /** Embedded default only (refused in production unless enabled): log in by nickname, for H5 and tests. */
  @Public()
  @Post('dev-login')
  @HttpCode(200)
  @ApiZodBody(devLoginRequestSchema)
  devLogin(@ZodBody(devLoginRequestSchema) body: DevLoginRequest): Promise<LoginResponse> {
    return this.auth.devLogin(body.nickname);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: SessionUser): SessionUser {
    return user;
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest): Promise<void> {
    const token = bearerToken(request);
    if (token) await this.auth.logout(token);
  }
}
