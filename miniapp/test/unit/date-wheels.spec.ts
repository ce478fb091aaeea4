import { letterSigningWindow } from '@beian/shared';
import { signedAtWheel, validFromWheel, validToWheel } from '../../src/filing/utils/date-wheels.util';
import { serverClockOffset, serverToday } from '../../src/utils/server-clock.util';

const TODAY = '2026-11-30';

describe('date wheels of the wizard', () => {
  it('should open 有效期开始日期 five years back and offer no date after today when the end is not chosen', () => {
    expect(validFromWheel(TODAY, '')).toEqual({ opensOn: '2021-11-30', end: TODAY });
    expect(validFromWheel(TODAY, '长期')).toEqual({ opensOn: '2021-11-30', end: TODAY });
  });

  it('should open 有效期开始日期 ten or twenty years before the chosen end, never after today, when the end is chosen', () => {
    expect(validFromWheel(TODAY, '2030-05-12').opensOn).toBe('2020-05-12');
    expect(validFromWheel(TODAY, '2040-05-12').opensOn).toBe('2020-05-12');
    expect(validFromWheel(TODAY, '2047-05-12').opensOn).toBe('2021-11-30');
  });

  it('should open 有效期结束日期 ten or twenty years after the chosen start and offer no date before today', () => {
    expect(validToWheel(TODAY, '2020-05-12')).toEqual({ opensOn: '2030-05-12', start: TODAY });
    expect(validToWheel(TODAY, '2012-05-12')).toEqual({ opensOn: '2032-05-12', start: TODAY });
    expect(validToWheel(TODAY, '1990-05-12')).toEqual({ opensOn: '2031-11-30', start: TODAY });
    expect(validToWheel(TODAY, '')).toEqual({ opensOn: '2031-11-30', start: TODAY });
  });

  it('should offer a letter’s 签署日期 within the pre-check’s signing window, opening on today', () => {
    const { earliest, latest } = letterSigningWindow(TODAY);
    expect(signedAtWheel(TODAY)).toEqual({ opensOn: TODAY, start: earliest, end: latest });
    expect(signedAtWheel(TODAY)).toEqual({ opensOn: TODAY, start: '2026-08-30', end: TODAY });
  });

  it('should count today on the server’s clock when the server runs ahead of the device', () => {
    const device = Date.parse('2026-11-30T10:00:00+08:00');
    const offset = serverClockOffset('2027-01-14T10:00:00+08:00', device);
    expect(offset).toBe(45 * 24 * 3600_000);
    expect(serverToday(offset, device)).toBe('2027-01-14');
    expect(serverClockOffset('not a time', device)).toBe(0);
  });

  it('should take the China date when the device is still on the day before in UTC', () => {
    expect(serverToday(0, Date.parse('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
  });
});
