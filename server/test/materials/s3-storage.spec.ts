import { extendedEncodeURIComponent } from '@smithy/core/protocols';
import fc from 'fast-check';
import { presignS3Url, S3CompatibleStorage } from '../../src/materials/s3-compatible.storage';
import { ControllableClock, SystemClock } from '../../src/platform/clock/clock';
import { FAKE_S3_KEY_ID, FAKE_S3_SECRET, FakeS3, sdkPresignedSignature } from './fake-s3.server';

describe("S3 presigned URLs against AWS's published example and the AWS SDK signer", () => {
  it("should produce the presigned URL of S3's documented GET Object example byte for byte", () => {
    // "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", section "An Example":
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (AWS's example key pair).
    const url = presignS3Url({
      method: 'GET',
      origin: 'https://examplebucket.s3.amazonaws.com',
      path: '/test.txt',
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      signedAt: new Date('2013-05-24T00:00:00Z'),
      expiresSeconds: 86400,
    });

    expect(url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
        '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z' +
        '&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
        '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('should sign as the AWS SDK signer does for any object key, method, content type and lifetime', async () => {
    const keyChars = fc.constantFrom('a', 'Z', '0', '/', '+', ' ', '!', "'", '(', ')', '*', '~', '%', '&', '=', '?', '#', '.', '-', '_', '中', '文', '😀');
    const objectKey = fc.oneof(fc.string({ unit: keyChars, minLength: 1, maxLength: 30 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }));
    const contentType = fc.constantFrom('image/jpeg', 'application/pdf', 'video/mp4', 'text/plain; charset=utf-8');
    const signedAt = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true });
    const config = {
      endpoint: 'https://cos.ap-guangzhou.myqcloud.com',
      bucket: 'beian-private-1250000000',
      region: 'ap-guangzhou',
      accessKeyId: 'AKIDexample',
      secretAccessKey: 'example/secret+key',
    };

    await fc.assert(
      fc.asyncProperty(
        objectKey,
        fc.constantFrom('GET', 'PUT'),
        contentType,
        fc.integer({ min: 1, max: 7 * 24 * 3600 }),
        signedAt,
        async (key, method, type, seconds, now) => {
          const storage = new S3CompatibleStorage(config, new ControllableClock(now), () => now);
          const expiresAt = new Date(now.getTime() + seconds * 1000);
          const raw = method === 'GET' ? storage.signedGetUrl(key, type, expiresAt) : storage.signedPutUrl(key, type, 1000, expiresAt);
          const url = new URL(raw);
          const signingDate = new Date(Math.floor(now.getTime() / 1000) * 1000);
          const query = Object.fromEntries([...url.searchParams].filter(([name]) => !name.startsWith('X-Amz-')));

          const path = raw.slice(url.origin.length).split('?')[0]!;
          // The path S3's client serializes for `/{Bucket}/{Key+}` in path style.
          const sdkPath = `/${config.bucket}/${key.split('/').map(extendedEncodeURIComponent).join('/')}`;
          const expected = await sdkPresignedSignature({
            method,
            host: url.host,
            path,
            query,
            signingDate,
            expiresIn: seconds,
            region: config.region,
            accessKeyId: config.accessKeyId,
            secretAccessKey: config.secretAccessKey,
            headers: method === 'PUT' ? storage.uploadHeaders() : undefined,
          });

          expect(path).toBe(sdkPath);
          expect(url.searchParams.get('X-Amz-Signature')).toBe(expected);
        },
      ),
    );
  });
});

describe('S3-compatible object storage (COS) against a local fake bucket', () => {
  const fake = new FakeS3('beian-private-1250000000', 'ap-guangzhou');
  let storage: S3CompatibleStorage;
  const inMinutes = (n: number) => new Date(Date.now() + n * 60_000);
  const config = () => ({ endpoint: fake.url, bucket: fake.bucket, region: fake.region, accessKeyId: FAKE_S3_KEY_ID, secretAccessKey: FAKE_S3_SECRET });

  beforeAll(async () => {
    await fake.start();
    storage = new S3CompatibleStorage(config(), new SystemClock(), () => new Date());
  });
  afterAll(() => fake.stop());

  it('should let a client PUT to a presigned URL and GET it back with the stored content type', async () => {
    const put = await fetch(storage.signedPutUrl('incoming/abc', 'image/jpeg', 1000, inMinutes(30)), {
      method: 'PUT',
      headers: storage.uploadHeaders(),
      body: Buffer.from('jpeg bytes'),
    });
    expect(put.status).toBe(200);
    const get = await fetch(storage.signedGetUrl('incoming/abc', 'image/jpeg', inMinutes(10)));
    expect(get.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await get.arrayBuffer()).toString()).toBe('jpeg bytes');
  });

  it('should read, write and delete on the server side and answer null for a missing key', async () => {
    await storage.write('files/f1', Buffer.from('re-encoded'));
    expect((await storage.read('files/f1'))?.toString()).toBe('re-encoded');
    await storage.delete('files/f1');
    await storage.delete('files/f1');
    expect(await storage.read('files/f1')).toBeNull();
  });

  it('should be refused by the bucket when the URL was tampered with or has expired', async () => {
    await storage.write('files/f2', Buffer.from('x'));
    const url = storage.signedGetUrl('files/f2', 'image/png', inMinutes(10));
    expect((await fetch(url.replace('files/f2', 'files/f3'))).status).toBe(403);
    expect((await fetch(url.replace('response-content-type=image%2Fpng', 'response-content-type=text%2Fhtml'))).status).toBe(403);
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000);
    const past = new S3CompatibleStorage(config(), new ControllableClock(twentyMinutesAgo), () => twentyMinutesAgo);
    const expired = await fetch(past.signedGetUrl('files/f2', 'image/png', new Date(Date.now() - 10 * 60_000)));
    expect(expired.status).toBe(403);
  });

  it('should sign with real time and count the lifetime on the app clock when the app clock is days behind', async () => {
    const appNow = new Date(Date.now() - 2 * 24 * 3600_000);
    const simulated = new S3CompatibleStorage(config(), new ControllableClock(appNow), () => new Date());
    const url = new URL(simulated.signedPutUrl('incoming/skewed', 'image/jpeg', 1000, new Date(appNow.getTime() + 30 * 60_000)));
    expect(url.searchParams.get('X-Amz-Expires')).toBe('1800');
    expect((await fetch(url, { method: 'PUT', headers: simulated.uploadHeaders(), body: Buffer.from('bytes') })).status).toBe(200);
    expect(fake.objects.get('incoming/skewed')?.toString()).toBe('bytes');
  });
});
