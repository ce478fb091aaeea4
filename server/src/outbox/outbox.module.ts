import { Module } from '@nestjs/common';
import { OutboxWriter } from './outbox.writer';
import { OutboxWorker } from './outbox.worker';

@Module({ providers: [OutboxWriter, OutboxWorker], exports: [OutboxWriter, OutboxWorker] })
export class OutboxModule {}
