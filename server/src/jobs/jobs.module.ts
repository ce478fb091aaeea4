import { Global, Module } from '@nestjs/common';
import { JobScheduler } from './job-scheduler';
import { JobRunner } from './job.runner';

/** The database-backed scheduler: any module schedules in its transaction and registers handlers at init. */
@Global()
@Module({ providers: [JobScheduler, JobRunner], exports: [JobScheduler, JobRunner] })
export class JobsModule {}
