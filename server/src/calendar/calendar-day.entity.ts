import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../platform/database/columns';

/** An admin's correction or extension of the working-day calendar; wins over the library's data. */
@Entity('calendar_days')
export class CalendarDayEntity {
  /** China date `YYYY-MM-DD`. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 8 })
  kind: 'workday' | 'holiday';

  /** Who decided: `admin:<user id>` or a published notice. */
  @Column({ type: 'varchar', length: 80 })
  source: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  note: string | null;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
