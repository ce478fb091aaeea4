import { INACTIVITY_REMINDERS, WORKFLOW_TIMINGS } from '../../src/workflow';

describe('WORKFLOW_TIMINGS', () => {
  it('should carry the §4 figures when read by jobs and the simulator', () => {
    expect(WORKFLOW_TIMINGS.INITIAL_REVIEW_MAX.value).toBe(2);
    expect(WORKFLOW_TIMINGS.SMS_VALIDITY).toMatchObject({ value: 24, unit: 'hours' });
    expect(WORKFLOW_TIMINGS.SMS_RESEND_HOUR_NEXT_DAY).toMatchObject({ value: 12, unit: 'hour_of_day' });
    expect(WORKFLOW_TIMINGS.SMS_MAX_WRONG_ATTEMPTS.value).toBe(5);
    expect(WORKFLOW_TIMINGS.REGULATOR_REVIEW_MAX).toMatchObject({ value: 20, unit: 'working_days' });
    expect(WORKFLOW_TIMINGS.INACTIVITY_EXPIRY.value).toBe(45);
    expect(WORKFLOW_TIMINGS.PUBLIC_SECURITY_FILING_WINDOW.value).toBe(30);
  });

  it('should carry a source and an ISO date when any timing is read', () => {
    for (const timing of [...Object.values(WORKFLOW_TIMINGS), INACTIVITY_REMINDERS]) {
      expect(timing.source.length).toBeGreaterThan(0);
      expect(timing.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('should remind before the order expires when reminders are scheduled', () => {
    expect(INACTIVITY_REMINDERS.days).toEqual([7, 15, 30]);
    expect(Math.max(...INACTIVITY_REMINDERS.days)).toBeLessThan(WORKFLOW_TIMINGS.INACTIVITY_EXPIRY.value);
  });
});
