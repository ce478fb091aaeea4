import { Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { calendarDayRequestSchema, type CalendarDay, type CalendarDayRequest, type SessionUser } from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { Roles } from '../auth/roles.guard';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { CalendarService } from './calendar.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/calendar/days')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  list(): Promise<CalendarDay[]> {
    return this.calendar.list();
  }

  /** Marks a date as a working day or a holiday, e.g. the next year's schedule once the State Council publishes it. */
  @Put()
  @ApiZodBody(calendarDayRequestSchema)
  put(@CurrentUser() user: SessionUser, @ZodBody(calendarDayRequestSchema) body: CalendarDayRequest): Promise<CalendarDay> {
    return this.calendar.put(user.id, body);
  }
}
