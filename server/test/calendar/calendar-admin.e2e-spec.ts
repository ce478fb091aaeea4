import { devLogin, useTestApp } from '../support/test-app';
import { CalendarService } from '../../src/calendar/calendar.service';

describe('calendar: admins extend the working-day calendar', () => {
  const t = useTestApp();

  it('should refuse an applicant and a reviewer when they try to change the calendar', async () => {
    const applicant = await devLogin(t.url, 'calendar-applicant');
    const reviewer = await devLogin(t.url, '审核员-calendar');

    for (const client of [applicant.client, reviewer.client]) {
      const res = await client.raw('PUT', '/api/admin/calendar/days', { date: '2027-02-06', kind: 'workday' });
      expect(res).toMatchObject({ status: 403, body: { code: 'ROLE_REQUIRED' } });
    }
  });

  it('should use an admin row at once when a make-up day is added past the library data', async () => {
    const admin = await devLogin(t.url, '管理员-calendar');
    const calendar = t.app.get(CalendarService);
    const friday = new Date('2027-02-05T02:00:00Z');
    expect(await calendar.addWorkingDays(friday, 1)).toEqual(new Date('2027-02-08T02:00:00Z'));

    const put = await admin.client.raw('PUT', '/api/admin/calendar/days', { date: '2027-02-06', kind: 'workday', note: '春节调休' });
    const invalid = await admin.client.raw('PUT', '/api/admin/calendar/days', { date: '2027-02-30', kind: 'holiday' });

    expect(put).toEqual({ status: 200, body: { date: '2027-02-06', kind: 'workday', source: `admin:${admin.user.id}`, note: '春节调休' } });
    expect(invalid).toMatchObject({ status: 422, body: { code: 'CALENDAR_DATE_INVALID' } });
    expect(await calendar.addWorkingDays(friday, 1)).toEqual(new Date('2027-02-06T02:00:00Z'));
    expect((await admin.client.get('/api/admin/calendar/days')).body).toEqual([expect.objectContaining({ date: '2027-02-06', kind: 'workday' })]);
  });
});
