import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { messagesForTransition } from '@beian/shared';
import { In } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OutboxWorker, type OutboxDelivery } from '../outbox/outbox.worker';
import { DatabaseService } from '../platform/database/database.service';
import { DeliveryLedger } from './delivery-ledger';
import { MessageCentreService } from './message-centre.service';
import { MESSAGE_REQUESTED, type RequestedMessage } from './message-requests';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel.port';
import { composeProgressMessage, type StatusChangedPayload } from './progress-message.composer';

/** A message an event asks for, with its key in the message centre. */
interface Planned {
  request: RequestedMessage;
  dedupeKey: string;
}

/**
 * Delivers every message: each `order.status_changed` outbox event becomes the progress messages of its transition
 * for the order's owner, each `message.requested` event the message its sender composed. Always into the message
 * centre, then onto every channel that handles the message type. A claimed batch of events is handled at once: one
 * read of the orders' owners, one insert into the centre, and per channel one ledger insert and one settle.
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
    this.outbox.handleBatch<StatusChangedPayload>('order.status_changed', (events) => this.notify(events));
    this.outbox.handleBatch<RequestedMessage>(MESSAGE_REQUESTED, (events) => this.deliver(events.map((e) => [{ request: e.payload, dedupeKey: e.dedupeKey }])));
  }

  private async notify(events: OutboxDelivery<StatusChangedPayload>[]): Promise<(Error | null)[]> {
    const typesOf = events.map((event) => messagesForTransition(event.payload.event, event.payload.to));
    const orderIds = [...new Set(events.filter((_, i) => typesOf[i]!.length).map((event) => event.payload.orderId))];
    const owners = new Map(
      orderIds.length
        ? (await this.db.manager.find(FilingOrderEntity, { select: { id: true, ownerId: true }, where: { id: In(orderIds) } })).map((o) => [o.id, o.ownerId])
        : [],
    );
    return this.deliver(
      events.map((event, i): Planned[] | Error => {
        const change = event.payload;
        const types = typesOf[i]!;
        const ownerId = owners.get(change.orderId);
        if (!types.length) return [];
        if (!ownerId) return new Error(`order ${change.orderId} of outbox message ${event.id} does not exist`);
        return types.map((type) => {
          const composed = composeProgressMessage(type, change, event.createdAt);
          return { request: { userId: ownerId, orderId: change.orderId, type, ...composed }, dedupeKey: `${event.dedupeKey}:${type}` };
        });
      }),
    );
  }

  /** Per event: into the message centre (once per key), then onto every channel that handles each of its messages. */
  private async deliver(perEvent: (Planned[] | Error)[]): Promise<(Error | null)[]> {
    const errors = perEvent.map((planned) => (planned instanceof Error ? planned : null));
    const planned = perEvent.flatMap((messages, event) => (messages instanceof Error ? [] : messages.map((m) => ({ ...m, event }))));
    if (!planned.length) return errors;
    const recorded = await this.centre.recordAll(
      planned.map(({ request: r, dedupeKey }) => ({ userId: r.userId, orderId: r.orderId, type: r.type, title: r.title, body: r.body, dedupeKey })),
    );
    const deliveries = planned.flatMap((p, i) =>
      this.channels
        .filter((channel) => channel.handles(recorded[i]!))
        .map((channel) => ({ channel, message: recorded[i]!, status: p.request.status, event: p.event })),
    );
    const failures = await this.ledger.deliverAll(deliveries);
    failures.forEach((failure, i) => (errors[deliveries[i]!.event] ??= failure));
    return errors;
  }
}
