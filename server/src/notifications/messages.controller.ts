import { Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { AppException } from '../platform/errors/app-exception';
import type { MessagePage, MessageView } from '@beian/shared';
import { MessageCentreService } from './message-centre.service';

const messageId = new ParseIntPipe({ exceptionFactory: () => new AppException('NOT_FOUND') });
const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

function pageSize(raw: string | undefined): number {
  const n = Number(raw ?? DEFAULT_PAGE);
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_PAGE) : DEFAULT_PAGE;
}

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(private readonly centre: MessageCentreService) {}

  @Get()
  @ApiQuery({ name: 'limit', required: false, description: `Page size, 1–${MAX_PAGE} (default ${DEFAULT_PAGE})` })
  @ApiQuery({ name: 'before', required: false, description: '`nextBefore` of the previous page: older messages only' })
  list(@CurrentUser() user: SessionUser, @Query('limit') limit?: string, @Query('before') before?: string): Promise<MessagePage> {
    const cursor = before === undefined ? undefined : Number(before);
    if (cursor !== undefined && !Number.isInteger(cursor))
      throw AppException.validation([{ path: 'before', code: 'invalid_cursor', message: '分页参数有误，请刷新后重试' }]);
    return this.centre.list(user.id, pageSize(limit), cursor);
  }

  @Get('unread-count')
  async unreadCount(@CurrentUser() user: SessionUser): Promise<{ count: number }> {
    return { count: await this.centre.unreadCount(user.id) };
  }

  @Post(':id/read')
  markRead(@CurrentUser() user: SessionUser, @Param('id', messageId) id: number): Promise<MessageView> {
    return this.centre.markRead(user.id, id);
  }
}
