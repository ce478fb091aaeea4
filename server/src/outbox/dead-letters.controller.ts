import { Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeadLetter, RequeueResponse } from '@beian/shared';
import { Roles } from '../auth/roles.guard';
import { JobRunner } from '../jobs/job.runner';
import type { LeasedRow, LeasedRowQueue } from '../jobs/leased-row.queue';
import { AppException } from '../platform/errors/app-exception';
import { OutboxWorker } from './outbox.worker';

const rowId = new ParseIntPipe({ exceptionFactory: () => new AppException('NOT_FOUND') });

const toDeadLetter = (row: LeasedRow & { dedupeKey: string; createdAt: Date; aggregateId?: string }): DeadLetter => ({
  id: row.id,
  type: row.type,
  aggregateId: row.aggregateId ?? null,
  dedupeKey: row.dedupeKey,
  attempts: row.attempts,
  lastError: row.lastError,
  dueAt: row.dueAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
});

async function requeue<R extends LeasedRow>(queue: LeasedRowQueue<R>, id: number): Promise<RequeueResponse> {
  if (!(await queue.requeue(id))) throw new AppException('NOT_FOUND');
  return { id, status: 'pending' };
}

/** Staff look at outbox messages and jobs that failed their last attempt and put them back once the cause is fixed. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class DeadLettersController {
  constructor(
    private readonly outbox: OutboxWorker,
    private readonly jobs: JobRunner,
  ) {}

  @Get('outbox/dead')
  async deadMessages(): Promise<DeadLetter[]> {
    return (await this.outbox.listDead()).map(toDeadLetter);
  }

  @Post('outbox/:id/requeue')
  @HttpCode(200)
  requeueMessage(@Param('id', rowId) id: number): Promise<RequeueResponse> {
    return requeue(this.outbox, id);
  }

  @Get('jobs/dead')
  async deadJobs(): Promise<DeadLetter[]> {
    return (await this.jobs.listDead()).map(toDeadLetter);
  }

  @Post('jobs/:id/requeue')
  @HttpCode(200)
  requeueJob(@Param('id', rowId) id: number): Promise<RequeueResponse> {
    return requeue(this.jobs, id);
  }
}
