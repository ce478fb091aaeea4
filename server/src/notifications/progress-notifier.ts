import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { messagesForTransition } from '@beian/shared';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OutboxWorker, type OutboxDelivery } from '../outbox/outbox.worker';
import { DatabaseService } from '../platform/database/database.service';
import { DeliveryLedger } from './delivery-ledger';
import { MessageCentreService } from './message-centre.service';
import { MESSAGE_REQUESTED, type RequestedMessage } from './message-requests';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel.port';
import { composeProgressMessage, type StatusChangedPayload } from './progress-message.composer';

/**
 * Delivers every message: each `order.status_changed` outbox event becomes the progress messages of its transition
 * for the order's owner, each `message.requested` event the message its sender composed. Always into the message
 * centre, then onto every channel that handles the message type.
 */
@Injectable()
export class ProgressNotifier implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxWorker,
    private readonly centre: MessageCentreService,
    private readonly ledger: DeliveryLedger,
    private readonly db: DatabaseService,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  onModuleInit(): void {
    this.outbox.handle<StatusChangedPayload>('order.status_changed', (event) => this.notify(event));
    this.outbox.handle<RequestedMessage>(MESSAGE_REQUESTED, (event) => this.deliver(event.payload, event.dedupeKey));
  }

  private async notify(event: OutboxDelivery<StatusChangedPayload>): Promise<void> {
    const change = event.payload;
    const types = messagesForTransition(change.event, change.to);
    if (!types.length) return;
    const order = await this.db.manager.findOne(FilingOrderEntity, { select: { id: true, ownerId: true }, where: { id: change.orderId } });
    if (!order) throw new Error(`order ${change.orderId} of outbox message ${event.id} does not exist`);
    for (const type of types) {
      const composed = composeProgressMessage(type, change, event.createdAt);
      await this.deliver({ userId: order.ownerId, orderId: change.orderId, type, ...composed }, `${event.dedupeKey}:${type}`);
    }
  }

  /** Into the message centre (once per key), then onto every channel that handles the message type. */
  private async deliver(request: RequestedMessage, dedupeKey: string): Promise<void> {
    const { status, ...fields } = request;
    const message = await this.centre.record({ ...fields, dedupeKey });
    for (const channel of this.channels) {
      if (channel.handles(message)) await this.ledger.deliver(message, channel, status);
    }
  }
}
