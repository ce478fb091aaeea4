import { Injectable } from '@nestjs/common';
import type { CalendarDay, CalendarDayRequest } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { CalendarDayEntity } from './calendar-day.entity';
import { WorkingDays } from './working-days.calendar';

/** Another process's calendar change is seen within this long. */
const OVERRIDES_TTL_MS = 60_000;

/** The working-day calendar with the admin's rows from the database (cached briefly). */
@Injectable()
export class CalendarService {
  private cached: { days: WorkingDays; loadedAt: number } | null = null;

  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
  ) {}

  /** Inside a transaction pass its `tx`: a second pool connection per transaction can exhaust the pool. */
  async workingDays(tx: EntityManager = this.db.manager): Promise<WorkingDays> {
    const now = Date.now();
    if (this.cached && now - this.cached.loadedAt < OVERRIDES_TTL_MS) return this.cached.days;
    const rows = await tx.find(CalendarDayEntity, { select: { date: true, kind: true } });
    const days = new WorkingDays(new Map(rows.map((row) => [row.date, row.kind])));
    this.cached = { days, loadedAt: now };
    return days;
  }

  async addWorkingDays(from: Date, n: number, tx?: EntityManager): Promise<Date> {
    return (await this.workingDays(tx)).addWorkingDays(from, n);
  }

  async workingDaysBetween(from: Date, to: Date, tx?: EntityManager): Promise<number> {
    return (await this.workingDays(tx)).workingDaysBetween(from, to);
  }

  async list(): Promise<CalendarDay[]> {
    const rows = await this.db.manager.find(CalendarDayEntity, { order: { date: 'ASC' } });
    return rows.map(({ date, kind, source, note }) => ({ date, kind, source, note }));
  }

  /** Adds or replaces the admin's row for a date. */
  async put(adminId: string, request: CalendarDayRequest): Promise<CalendarDay> {
    if (Number.isNaN(Date.parse(`${request.date}T00:00:00Z`)) || new Date(`${request.date}T00:00:00Z`).toISOString().slice(0, 10) !== request.date) {
      throw new AppException('CALENDAR_DATE_INVALID', [{ path: 'date', code: 'DATE_INVALID', message: '请输入有效的日期，格式为 YYYY-MM-DD' }]);
    }
    const row = { date: request.date, kind: request.kind, source: `admin:${adminId}`, note: request.note ?? null, createdAt: this.clock.now() };
    await this.db.manager.upsert(CalendarDayEntity, row, ['date']);
    this.cached = null;
    return { date: row.date, kind: row.kind, source: row.source, note: row.note };
  }
}
