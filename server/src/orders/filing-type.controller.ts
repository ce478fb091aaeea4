import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  filingTypeVerifyRequestSchema,
  registryFilingRequestSchema,
  type FilingTypeDecision,
  type FilingTypeVerifyRequest,
  type RegistryFilingRequest,
  type SessionUser,
} from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { Roles } from '../auth/roles.guard';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { FilingRegistry } from '../filing-record/filing-registry.port';
import { FilingTypeService } from './filing-type.service';
import { SimulatedFilingRegistry } from '../filing-record/simulated-filing.registry';

@ApiTags('orders')
@ApiBearerAuth()
@Controller()
export class FilingTypeController {
  constructor(
    private readonly filingType: FilingTypeService,
    private readonly registry: FilingRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 验证备案类型: the kind the server would create the order with, and why. */
  @Post('filing-type/verify')
  @HttpCode(200)
  @ApiZodBody(filingTypeVerifyRequestSchema)
  verify(@CurrentUser() user: SessionUser, @ZodBody(filingTypeVerifyRequestSchema) body: FilingTypeVerifyRequest): Promise<FilingTypeDecision> {
    return this.filingType.decide(user, body);
  }

  /** Simulator only: a subject and/or service filed at another provider, for tests and demos. */
  @Post('regulator-sim/registry')
  @HttpCode(204)
  @Roles('reviewer')
  @ApiZodBody(registryFilingRequestSchema)
  async addRegistryFiling(@ZodBody(registryFilingRequestSchema) body: RegistryFilingRequest): Promise<void> {
    if (!this.config.simulatorsEnabled || !(this.registry instanceof SimulatedFilingRegistry)) throw new AppException('SIMULATOR_ONLY');
    await this.registry.add(body);
  }
}
