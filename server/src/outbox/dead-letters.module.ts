import { Module } from '@nestjs/common';
import { DeadLettersController } from './dead-letters.controller';
import { OutboxModule } from './outbox.module';

/** The staff view of dead outbox messages and jobs. */
@Module({ imports: [OutboxModule], controllers: [DeadLettersController] })
export class DeadLettersModule {}
