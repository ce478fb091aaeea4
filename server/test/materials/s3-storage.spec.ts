import { S3CompatibleStorage } from '../../src/materials/s3-compatible.storage';
import { ControllableClock, SystemClock } from '../../src/platform/clock/clock';
import { FAKE_S3_KEY_ID, FAKE_S3_SECRET, FakeS3 } from './fake-s3.server';

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
    const put = await fetch(storage.signedPutUrl('incoming/abc', 'image/jpeg', 1000, inMinutes(30)), { method: 'PUT', body: Buffer.from('jpeg bytes') });
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
    expect((await fetch(url, { method: 'PUT', body: Buffer.from('bytes') })).status).toBe(200);
    expect(fake.objects.get('incoming/skewed')?.toString()).toBe('bytes');
  });
});
