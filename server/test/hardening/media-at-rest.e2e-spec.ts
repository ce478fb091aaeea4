import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { UploadEntity } from '../../src/materials/upload.entity';
import { ObjectStorage } from '../../src/materials/object-storage.port';
import { inspectMp4 } from '../../src/materials/mp4-inspector';
import { stripMp4Metadata } from '../../src/materials/mp4-metadata';
import { mp4StructureProblem } from '../../src/materials/mp4-structure';
import { ObjectEnvelope } from '../../src/platform/crypto/object-envelope';
import { upload } from '../materials/upload-helpers';
import { hasGpsIfd, mp4, photo } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';

const LOCATION = '+39.9042+116.4074/';
/** The ISO 6709 location box (`udta/loci`) ffmpeg writes, as phones do. */
const locationBox = Buffer.from('loci');

/** The tags ffprobe reads from a file's container. */
function containerTags(bytes: Buffer): Record<string, string> {
  const file = join(mkdtempSync(join(tmpdir(), 'beian-probe-')), 'clip.mp4');
  writeFileSync(file, bytes);
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format_tags', '-of', 'json', file], { encoding: 'utf8' });
  return (JSON.parse(out) as { format?: { tags?: Record<string, string> } }).format?.tags ?? {};
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

describe('hardening: face videos lose their place, and stored files are encrypted', () => {
  it('should strip the GPS location a phone writes into an MP4 and keep the video readable', () => {
    const original = mp4(6, { location: LOCATION });
    expect(containerTags(original).location).toBe(LOCATION);
    expect(original.includes(locationBox)).toBe(true);

    const stripped = stripMp4Metadata(original);

    expect(stripped.includes(locationBox)).toBe(false);
    expect(containerTags(stripped).location).toBeUndefined();
    expect(stripped.length).toBe(original.length);
    expect(mp4StructureProblem(stripped)).toBeNull();
    expect(inspectMp4(stripped)).toEqual(inspectMp4(original));
  });

  it('should seal each object with its own data key, open it again, and refuse a tampered one', () => {
    const envelope = new ObjectEnvelope([{ version: 'v1', key: Buffer.alloc(32, 1) }]);
    const plain = Buffer.from('一段视频');

    const [a, b] = [envelope.seal(plain), envelope.seal(plain)];
    a[a.length - 1]! ^= 1;

    expect(b.equals(envelope.seal(plain))).toBe(false);
    expect(envelope.open(b)).toEqual(plain);
    expect(() => envelope.open(a)).toThrow();
    expect(
      new ObjectEnvelope([
        { version: 'v1', key: Buffer.alloc(32, 1) },
        { version: 'v2', key: Buffer.alloc(32, 2) },
      ]).open(b),
    ).toEqual(plain);
  });

  describe('through the API', () => {
    const t = useTestApp();

    it('should store a face video without its location and a photo without GPS, both encrypted on disk', async () => {
      const owner = await devLogin(t.url, `media-${randomUUID().slice(0, 8)}`);
      const orderId = (await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id;
      const path = `/api/orders/${orderId}/uploads`;
      const gpsPhoto = await photo({ width: 1600, height: 1000, gps: true });

      const video = await upload(
        t.url,
        owner.client,
        path,
        { kind: 'face_video', target: 'subjectPrincipal', contentType: 'video/mp4' },
        mp4(6, { location: LOCATION }),
      );
      const front = await upload(t.url, owner.client, path, { kind: 'certificate_front', target: 'subjectPrincipal', contentType: 'image/jpeg' }, gpsPhoto);

      expect([video.status, front.status]).toEqual([200, 200]);
      const storage = t.app.get(ObjectStorage);
      const [videoRow, photoRow] = await Promise.all([video, front].map((res) => t.db.manager.findOneByOrFail(UploadEntity, { id: res.ticket!.uploadId })));
      const storedVideo = (await storage.read(videoRow!.storageKey))!;
      const storedPhoto = (await storage.read(photoRow!.storageKey))!;
      expect(storedVideo.includes(locationBox)).toBe(false);
      expect(containerTags(storedVideo).location).toBeUndefined();
      expect(hasGpsIfd((await sharp(storedPhoto).metadata()).exif)).toBe(false);

      const onDisk = filesUnder(join(t.config.dataDir, 'objects')).map((file) => readFileSync(file));
      expect(onDisk.length).toBeGreaterThanOrEqual(3);
      for (const bytes of onDisk) {
        expect(ObjectEnvelope.isSealed(bytes)).toBe(true);
        expect(bytes.includes(Buffer.from('ftyp'))).toBe(false);
        expect(bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(false);
      }
    });
  });
});
