import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { In } from 'typeorm';
import { AuthModule } from '../auth/auth.module';
import { UserEntity } from '../auth/user.entity';
import { WechatApiClient } from '../auth/wechat-api.client';
import { OutboxModule } from '../outbox/outbox.module';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { DatabaseService } from '../platform/database/database.service';
import { DeliveryLedger } from './delivery-ledger';
import { DiscoveredChannels } from './discovered-channels';
import { HttpWechatMessaging } from './http-wechat-messaging';
import { MessageCentreService } from './message-centre.service';
import { MessageRequests } from './message-requests';
import { MessagesController } from './messages.controller';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel.port';
import { NotificationsController } from './notifications.controller';
import { cachedOpenids } from './openid-cache';
import { ProgressNotifier } from './progress-notifier';
import { SubscribeGrantsService } from './subscribe-grants.service';
import { WechatMessaging } from './wechat-messaging.port';
import { WechatSubscribeChannel } from './wechat-subscribe.channel';

/**
 * Progress messages: the message centre (always), WeChat subscribe messages when an AppID is configured, and the
 * channels higher modules register with `@NOTIFICATION_CHANNEL()` (SMS and e-mail results).
 * Embedded default (no AppID): the message centre and the registered channels.
 */
@Module({
  imports: [OutboxModule, AuthModule, DiscoveryModule],
  controllers: [MessagesController, NotificationsController],
  providers: [
    MessageCentreService,
    SubscribeGrantsService,
    DeliveryLedger,
    ProgressNotifier,
    MessageRequests,
    DiscoveredChannels,
    {
      provide: WechatMessaging,
      inject: [APP_CONFIG, WechatApiClient],
      useFactory: (config: AppConfig, client: WechatApiClient | null): WechatMessaging | null =>
        client ? new HttpWechatMessaging(client, config.wechatMiniprogramState) : null,
    },
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [APP_CONFIG, WechatMessaging, SubscribeGrantsService, DatabaseService],
      useFactory: (config: AppConfig, messaging: WechatMessaging | null, grants: SubscribeGrantsService, db: DatabaseService): NotificationChannel[] => {
        // DiscoveredChannels adds the registered channels to this same list at boot.
        if (!messaging) return [];
        const openidsOf = cachedOpenids(async (userIds) => {
          const users = await db.manager.find(UserEntity, { select: { id: true, openid: true }, where: { id: In(userIds) } });
          return new Map(users.flatMap((user) => (user.openid ? [[user.id, user.openid] as const] : [])));
        });
        return [new WechatSubscribeChannel(messaging, grants, config.wechatTemplates, openidsOf)];
      },
    },
  ],
  exports: [MessageRequests],
})
export class NotificationsModule {}
