import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.guard';
import { DatabaseService } from '../database/database.service';
import { AppException } from '../errors/app-exception';

@ApiTags('platform')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DatabaseService) {}

  @Public()
  @Get()
  @HttpCode(200)
  async health(): Promise<{ status: 'ok'; database: string }> {
    try {
      await this.db.ping();
    } catch {
      throw new AppException('DATABASE_UNAVAILABLE', undefined, { database: 'unreachable' });
    }
    return { status: 'ok', database: this.db.dataSource.options.type };
  }
}
