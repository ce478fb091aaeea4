import { redactUrl } from '../../src/platform/logging/logger-options';

describe('log URL redaction', () => {
  it('should hide tokens in paths and signatures in queries when a URL is logged', () => {
    expect(redactUrl('/api/invitations/abcDEF123/accept')).toBe('/api/invitations/[REDACTED]/accept');
    expect(redactUrl('/api/review/access/tok.en-1')).toBe('/api/review/access/[REDACTED]');
    expect(redactUrl('/api/storage/orders%2Fx?op=get&exp=1&p=abc&sig=zz')).toBe('/api/storage/[REDACTED]?op=get&exp=1&p=[REDACTED]&sig=[REDACTED]');
    expect(redactUrl('/api/orders/1?reveal=true')).toBe('/api/orders/1?reveal=true');
  });
});
