import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { discoverAll } from '../platform/discovered-port';
import { NOTIFICATION_CHANNEL, NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel.port';

/** Adds every `@NOTIFICATION_CHANNEL()` provider to the channels list the notifier delivers to, once all modules are built. */
@Injectable()
export class DiscoveredChannels implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  onModuleInit(): void {
    for (const channel of discoverAll<NotificationChannel>(this.discovery, NOTIFICATION_CHANNEL))
      if (!this.channels.includes(channel)) this.channels.push(channel);
  }
}
