import { chinaDate, chinaHourOn } from '@beian/shared';
import { WorkingDays } from '../../src/calendar/working-days.calendar';

/** `2025-09-30 10:00` China time as an instant. */
const cst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const noOverrides = new WorkingDays(new Map());

describe('working days: Chinese holidays and 调休 make-up days', () => {
  it('should skip the whole 国庆 holiday when counting from the day before it', () => {
    expect(noOverrides.addWorkingDays(cst('2025-09-30 10:00'), 1)).toEqual(cst('2025-10-09 10:00'));
  });

  it('should count a 调休 Sunday before 国庆 and a 调休 Saturday after it as working days', () => {
    expect(noOverrides.isWorkday('2025-09-28')).toBe(true);
    expect(noOverrides.isWorkday('2025-10-11')).toBe(true);
    expect(noOverrides.addWorkingDays(cst('2025-09-26 15:30'), 1)).toEqual(cst('2025-09-28 15:30'));
    expect(noOverrides.addWorkingDays(cst('2025-10-10 09:00'), 1)).toEqual(cst('2025-10-11 09:00'));
  });

  it('should work the 调休 Saturday before 春节 2026 and resume after the nine days off', () => {
    expect(noOverrides.addWorkingDays(cst('2026-02-13 11:00'), 1)).toEqual(cst('2026-02-14 11:00'));
    expect(noOverrides.addWorkingDays(cst('2026-02-13 11:00'), 2)).toEqual(cst('2026-02-24 11:00'));
    expect(noOverrides.isWorkday('2026-02-28')).toBe(true);
  });

  it('should count working days between two instants by China date when a holiday lies between', () => {
    expect(noOverrides.workingDaysBetween(cst('2025-09-30 23:00'), cst('2025-10-11 08:00'))).toBe(3);
    expect(noOverrides.workingDaysBetween(cst('2025-10-09 10:00'), cst('2025-10-09 18:00'))).toBe(0);
    expect(noOverrides.workingDaysBetween(cst('2025-10-09 10:00'), cst('2025-10-08 10:00'))).toBe(0);
  });

  it('should let admin rows win over the library when the schedule is extended past its data', () => {
    const days = new WorkingDays(
      new Map([
        ['2027-02-06', 'workday'],
        ['2027-02-08', 'holiday'],
      ] as const),
    );
    expect(days.isWorkday('2027-02-06')).toBe(true);
    expect(days.isWorkday('2027-02-08')).toBe(false);
    expect(days.addWorkingDays(cst('2027-02-05 10:00'), 2)).toEqual(cst('2027-02-09 10:00'));
  });

  it('should keep n = 0 at the same instant and read dates in China time when UTC is still the day before', () => {
    expect(noOverrides.addWorkingDays(cst('2025-10-01 10:00'), 0)).toEqual(cst('2025-10-01 10:00'));
    expect(chinaDate(new Date('2025-09-30T16:30:00Z'))).toBe('2025-10-01');
    expect(chinaHourOn(new Date('2025-09-30T16:30:00Z'), 12)).toEqual(cst('2025-10-01 12:00'));
  });
});
