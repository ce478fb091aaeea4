import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { registerResourceRequestSchema, resourceInstanceIdSchema, type RegisterResourceRequest, type ResourceChoice, type SessionUser } from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { Roles } from '../auth/roles.guard';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { ResourceEligibility } from './resource-eligibility.service';
import { ResourceInventory } from './resource-inventory.port';
import { SimulatedResourceInventory } from './simulated.resource-inventory';

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
    private readonly inventory: ResourceInventory,
    private readonly db: DatabaseService,
  ) {}

  @Get()
  list(@Param('accountId', ACCOUNT_ID) accountId: string): Promise<ResourceChoice[]> {
    return this.eligibility.choices(this.db.manager, accountId);
  }

  @Put(':instanceId')
  @ApiZodBody(registerResourceRequestSchema)
  async register(
    @Param('accountId', ACCOUNT_ID) accountId: string,
    @Param('instanceId') instanceId: string,
    @ZodBody(registerResourceRequestSchema) body: RegisterResourceRequest,
  ): Promise<ResourceChoice> {
    const id = this.instanceIdOf(instanceId);
    await this.db.transaction((tx) => this.simulated().register(tx, accountId, id, body));
    return this.one(accountId, id);
  }

  @Post(':instanceId/refund')
  @HttpCode(200)
  async refund(@Param('accountId', ACCOUNT_ID) accountId: string, @Param('instanceId') instanceId: string): Promise<ResourceChoice> {
    const id = this.instanceIdOf(instanceId);
    if (!(await this.db.transaction((tx) => this.simulated().refund(tx, accountId, id)))) throw new AppException('NOT_FOUND');
    return this.one(accountId, id);
  }

  private simulated(): SimulatedResourceInventory {
    if (!(this.inventory instanceof SimulatedResourceInventory)) throw new AppException('SIMULATOR_ONLY');
    return this.inventory;
  }

  private instanceIdOf(raw: string): string {
    const parsed = resourceInstanceIdSchema.safeParse(raw);
    if (!parsed.success) throw new AppException('NOT_FOUND');
    return parsed.data;
  }

  private async one(accountId: string, instanceId: string): Promise<ResourceChoice> {
    const found = (await this.eligibility.choices(this.db.manager, accountId)).find((choice) => choice.instanceId === instanceId);
    if (!found) throw new AppException('NOT_FOUND');
    return found;
  }
}
