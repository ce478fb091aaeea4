import { Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  RESULT_CHANNEL_KEYS,
  resultChannelSettingRequestSchema,
  type ResultChannel,
  type ResultChannelSetting,
  type ResultChannelSettingRequest,
  type SessionUser,
} from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { ResultChannelSettings } from './result-channel-settings.service';

/** 通知方式: the caller's own settings only (keyed by the session user). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications/result-channels')
export class ResultChannelsController {
  constructor(private readonly settings: ResultChannelSettings) {}

  @Get()
  list(@CurrentUser() user: SessionUser): Promise<ResultChannelSetting[]> {
    return this.settings.list(user.id);
  }

  @Put(':channel')
  @ApiZodBody(resultChannelSettingRequestSchema)
  set(
    @CurrentUser() user: SessionUser,
    @Param('channel') channel: string,
    @ZodBody(resultChannelSettingRequestSchema) body: ResultChannelSettingRequest,
  ): Promise<ResultChannelSetting[]> {
    if (!RESULT_CHANNEL_KEYS.includes(channel as ResultChannel))
      throw AppException.validation([{ path: 'channel', code: 'RESULT_CHANNEL_UNKNOWN', message: '不支持的通知方式' }]);
    return this.settings.set(user.id, channel as ResultChannel, body.enabled);
  }
}
