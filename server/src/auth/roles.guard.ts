import { CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role, SessionUser } from '@beian/shared';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../platform/errors/app-exception';

const ROLES_KEY = 'beian:roles';

/** Runs after the global AuthGuard: the caller must hold one of the roles (403 ROLE_REQUIRED otherwise). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles?.length) return true;
    const user = context.switchToHttp().getRequest<FastifyRequest & { user?: SessionUser }>().user;
    if (!user) throw new AppException('UNAUTHENTICATED');
    if (!roles.some((role) => user.roles.includes(role))) throw new AppException('ROLE_REQUIRED');
    return true;
  }
}

/** Only callers holding one of `roles` reach the handler (staff endpoints). */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(RolesGuard));
