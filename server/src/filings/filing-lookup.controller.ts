import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { registryLookupRequestSchema, registryQueryOf, type RegistryLookupRequest, type RegistryLookupResponse } from '@beian/shared';
import { FilingRegistry } from '../filing-record/filing-registry.port';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';

/** 备案查询: what MIIT's public query shows for any domain, ICP number or unit name (not only the caller's). */
@ApiTags('filings')
@ApiBearerAuth()
@Controller('filings')
export class FilingLookupController {
  constructor(private readonly registry: FilingRegistry) {}

  @Post('lookup')
  @HttpCode(200)
  @ApiZodBody(registryLookupRequestSchema)
  async lookup(@ZodBody(registryLookupRequestSchema) body: RegistryLookupRequest): Promise<RegistryLookupResponse> {
    const query = registryQueryOf(body.query);
    return { query, subjects: await this.registry.lookup(query) };
  }
}
