import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far `CLOCK=controllable` has moved simulated time ahead of real time: one row, read by every server process. */
@Entity('clock_offsets')
export class ClockOffsetEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name: string;

  @Column({ name: 'offset_ms', type: 'bigint' })
  offsetMs: string;
}
