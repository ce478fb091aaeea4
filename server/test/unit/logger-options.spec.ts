import Fastify from 'fastify';
import { loggerOptions, redactUrl } from '../../src/platform/logging/logger-options';

describe('log URL redaction', () => {
  it('should hide tokens in paths and signatures in queries when a URL is logged', () => {
    expect(redactUrl('/api/invitations/abcDEF123/accept')).toBe('/api/invitations/[REDACTED]/accept');
    expect(redactUrl('/api/review/access/tok.en-1')).toBe('/api/review/access/[REDACTED]');
    expect(redactUrl('/api/storage/orders%2Fx?op=get&exp=1&p=abc&sig=zz')).toBe('/api/storage/[REDACTED]?op=get&exp=1&p=[REDACTED]&sig=[REDACTED]');
    expect(redactUrl('/api/orders/1?reveal=true')).toBe('/api/orders/1?reveal=true');
  });
});

describe('log redaction of outside-system credentials', () => {
  it('should hide the Tencent Cloud and S3 secret keys when a credentials object is logged', async () => {
    const lines: string[] = [];
    const app = Fastify({ logger: loggerOptions('info', { write: (line) => void lines.push(line) }) });
    app.log.info(
      { tencentCloud: { secretId: 'AKIDvisible', secretKey: 'tc-secret-key' }, storage: { accessKeyId: 'AKIDcos', secretAccessKey: 's3-secret-key' } },
      'adapters',
    );
    await app.close();

    const logged = lines.join('');
    expect(logged).toContain('adapters');
    expect(logged).not.toContain('tc-secret-key');
    expect(logged).not.toContain('s3-secret-key');
  });
});
