import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { SubmittableMedia } from '@beian/shared/testing';

/** Test media generated in code: photos with sharp (optionally with EXIF GPS), PDFs by hand, MP4s with Debian's ffmpeg. */

export interface PhotoOptions {
  width?: number;
  height?: number;
  format?: 'jpeg' | 'png';
  /** Camera EXIF with a GPS position, as phones write it. */
  gps?: boolean;
}

export async function photo({ width = 1200, height = 800, format = 'jpeg', gps = false }: PhotoOptions = {}): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } });
  image = format === 'png' ? image.png() : image.jpeg({ quality: 90 });
  if (gps) {
    image = image.withExif({
      IFD0: { Make: 'TestPhone', Model: 'T1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 2900/100' },
    });
  }
  return image.toBuffer();
}

/** A photo of at least `bytes` bytes: random noise does not compress. */
export async function largePhoto(bytes: number): Promise<Buffer> {
  const side = Math.ceil(Math.sqrt(bytes / 3)) + 50;
  const noise = Buffer.alloc(side * side * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  return sharp(noise, { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

/** True when the EXIF block has a GPS IFD pointer (tag 0x8825, little- or big-endian). */
export function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));
}

export function pdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' + 'trailer <</Root 1 0 R>>\n%%EOF\n',
  );
}

/** A text file, whatever name it is given. */
export function textFile(): Buffer {
  return Buffer.from('这不是图片，只是改了扩展名的文本文件。\n'.repeat(20));
}

const videoCache = new Map<string, Buffer>();

/**
 * A portrait MP4 (H.264) of the given length, like a front-camera selfie; `audioOnly` makes an MP4 without a video
 * track; `location` (ISO 6709, `+39.9042+116.4074/`) is written as a phone does, in `udta/©xyz`.
 */
export function mp4(seconds: number, { audioOnly = false, location }: { audioOnly?: boolean; location?: string } = {}): Buffer {
  const key = `${seconds}:${audioOnly}:${location ?? ''}`;
  const cached = videoCache.get(key);
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'beian-mp4-'));
  const out = join(dir, 'clip.mp4');
  const input = audioOnly
    ? ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-c:a', 'aac']
    : [
        '-f',
        'lavfi',
        '-i',
        `testsrc=size=240x320:rate=10`,
        '-t',
        String(seconds),
        '-pix_fmt',
        'yuv420p',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-crf',
        '40',
      ];
  try {
    const metadata = location ? ['-metadata', `location=${location}`, '-metadata', 'title=selfie'] : [];
    execFileSync('ffmpeg', ['-v', 'error', '-y', ...input, ...metadata, '-movflags', '+faststart', out]);
    const bytes = readFileSync(out);
    videoCache.set(key, bytes);
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files `ApiTestKit.makeSubmittable` uploads: a certificate photo and a 6-second selfie. */
export async function submittableMedia(): Promise<SubmittableMedia> {
  return { photo: await photo(), video: mp4(6) };
}
