import { Global, Module } from '@nestjs/common';
import { JobScheduler } from './job-scheduler';
import { JobRunner } from './job.runner';
import { RunnerLock } from './runner-lock';

/** The database-backed scheduler: any module schedules in its transaction and registers handlers at init. */
@Global()
@Module({ providers: [JobScheduler, JobRunner, RunnerLock], exports: [JobScheduler, JobRunner, RunnerLock] })
export class JobsModule {}
