import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { registerResourceRequestSchema, type RegisterResourceRequest, type ResourceChoice, type SessionUser } from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { Roles } from '../auth/roles.guard';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { ResourceEligibility } from './resource-eligibility.service';
import { ResourceSimulator } from './resource-simulator.service';

const ACCOUNT_ID = new ParseUUIDPipe({ exceptionFactory: () => new AppException('NOT_FOUND') });

/** The caller's own resources, for the services step's picker. */
@ApiTags('resources')
@ApiBearerAuth()
@Controller('resources')
export class ResourcesController {
  constructor(
    private readonly eligibility: ResourceEligibility,
    private readonly db: DatabaseService,
  ) {}

  @Get()
  list(@CurrentUser() user: SessionUser): Promise<ResourceChoice[]> {
    return this.eligibility.choices(this.db.manager, user.id);
  }
}

/** Staff register an account's instances in the simulated inventory (a real inventory is the provider's). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/accounts/:accountId/resources')
export class ResourcesAdminController {
  constructor(
    private readonly eligibility: ResourceEligibility,
    private readonly simulator: ResourceSimulator,
    private readonly db: DatabaseService,
  ) {}

  @Get()
  list(@Param('accountId', ACCOUNT_ID) accountId: string): Promise<ResourceChoice[]> {
    return this.eligibility.choices(this.db.manager, accountId);
  }

  @Put(':instanceId')
  @ApiZodBody(registerResourceRequestSchema)
  register(
    @Param('accountId', ACCOUNT_ID) accountId: string,
    @Param('instanceId') instanceId: string,
    @ZodBody(registerResourceRequestSchema) body: RegisterResourceRequest,
  ): Promise<ResourceChoice> {
    return this.simulator.register(accountId, instanceId, body);
  }

  @Post(':instanceId/refund')
  @HttpCode(200)
  refund(@Param('accountId', ACCOUNT_ID) accountId: string, @Param('instanceId') instanceId: string): Promise<ResourceChoice> {
    return this.simulator.refund(accountId, instanceId);
  }
}

/** Simulators only: the caller registers and refunds their own instances (tests and demos of 授权码 / 服务码). */
@ApiTags('resources')
@ApiBearerAuth()
@Controller('sim/resources')
export class ResourcesSimController {
  constructor(
    private readonly simulator: ResourceSimulator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Put(':instanceId')
  @ApiZodBody(registerResourceRequestSchema)
  register(
    @CurrentUser() user: SessionUser,
    @Param('instanceId') instanceId: string,
    @ZodBody(registerResourceRequestSchema) body: RegisterResourceRequest,
  ): Promise<ResourceChoice> {
    this.simulatorsOnly();
    return this.simulator.register(user.id, instanceId, body);
  }

  @Post(':instanceId/refund')
  @HttpCode(200)
  refund(@CurrentUser() user: SessionUser, @Param('instanceId') instanceId: string): Promise<ResourceChoice> {
    this.simulatorsOnly();
    return this.simulator.refund(user.id, instanceId);
  }

  private simulatorsOnly(): void {
    if (!this.config.simulatorsEnabled) throw new AppException('SIMULATOR_ONLY');
  }
}
