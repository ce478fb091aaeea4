import { CanActivate, ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { SessionUser } from '@beian/shared';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../platform/errors/app-exception';
import { PUBLIC_ROUTE_KEY } from '../platform/http/public-route';
import { AuthService } from './auth.service';

type AuthedRequest = FastifyRequest & { user?: SessionUser };

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearerToken(request);
    if (!token) throw new AppException('UNAUTHENTICATED');
    const user = await this.auth.authenticate(token);
    if (!user) throw new AppException('SESSION_EXPIRED');
    request.user = user;
    return true;
  }
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): SessionUser => {
  const user = context.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new AppException('UNAUTHENTICATED');
  return user;
});
