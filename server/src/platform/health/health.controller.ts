import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../http/public-route';
import { DatabaseService } from '../database/database.service';
import { MigrationStatus } from '../database/migration-status';
import { AppException } from '../errors/app-exception';
import { AppLifecycle } from '../lifecycle/app-lifecycle';

export interface ReadinessAnswer {
  status: 'ready' | 'unavailable';
  database: 'ok' | 'unreachable';
  /** Migrations this build ships that the database lacks (run `migrate`). */
  pendingMigrations: string[];
  /** The process is stopping (SIGTERM): it finishes what it has and takes nothing new. */
  draining: boolean;
}

@ApiTags('platform')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DatabaseService,
    private readonly migrations: MigrationStatus,
    private readonly lifecycle: AppLifecycle,
  ) {}

  /** Database reachable (kept for existing monitors; see live and ready). */
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

  /** Liveness: the process answers. Nothing outside it is asked, so a database outage restarts no replica. */
  @Public()
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: send traffic here. 503 while the database is unreachable, migrations are missing, or the process drains. */
  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessAnswer> {
    let database: ReadinessAnswer['database'] = 'ok';
    let pendingMigrations: string[] = [];
    try {
      await this.db.ping();
      pendingMigrations = await this.migrations.pending();
    } catch {
      database = 'unreachable';
    }
    const draining = this.lifecycle.draining;
    const ready = database === 'ok' && pendingMigrations.length === 0 && !draining;
    reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'unavailable', database, pendingMigrations, draining };
  }
}
