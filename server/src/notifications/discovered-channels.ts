import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { NOTIFICATION_CHANNEL, NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel.port';

/** Adds every `@NOTIFICATION_CHANNEL()` provider to the channels list the notifier delivers to, once all modules are built. */
@Injectable()
export class DiscoveredChannels implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  onModuleInit(): void {
    const found = this.discovery.getProviders({ metadataKey: NOTIFICATION_CHANNEL.KEY }).flatMap((wrapper) => (wrapper.instance ? [wrapper.instance] : []));
    for (const channel of found as NotificationChannel[]) if (!this.channels.includes(channel)) this.channels.push(channel);
  }
}
