import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { SubmittableMedia } from '@beian/shared/testing';

/** Files the browser tests upload, generated at test time: photos with sharp, videos with Debian's ffmpeg. */
export interface Fixtures {
  /** A 1600×1000 JPEG "certificate photo". */
  photo: string;
  /** A JPEG over 6 MB (noise, 3000×2000): must be compressed on the device before upload. */
  bigPhoto: string;
  /** A text file named like a photo. */
  textAsJpeg: string;
  /** An 8-second H.264 MP4 selfie video. */
  video: string;
  /** A 40-second MP4: too long. */
  longVideo: string;
}

async function photo(path: string, width: number, height: number): Promise<void> {
  const svg = `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
    <rect width="100%" height="100%" fill="#dfe8f5"/><rect x="40" y="40" width="${width - 80}" height="${height - 80}" fill="none" stroke="#345" stroke-width="8"/>
    <circle cx="${width * 0.25}" cy="${height / 2}" r="${height / 5}" fill="#8aa"/></svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toFile(path);
}

async function noisePhoto(path: string, width: number, height: number): Promise<void> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
    .toFile(path);
}

function video(path: string, seconds: number): void {
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=480x640:rate=15:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-b:v',
    '300k',
    '-c:a',
    'aac',
    '-shortest',
    '-movflags',
    '+faststart',
    path,
  ]);
}

export async function makeFixtures(): Promise<Fixtures> {
  const dir = mkdtempSync(join(tmpdir(), 'beian-fixtures-'));
  const fixtures: Fixtures = {
    photo: join(dir, 'id-photo.jpg'),
    bigPhoto: join(dir, 'big-photo.jpg'),
    textAsJpeg: join(dir, 'not-a-photo.jpg'),
    video: join(dir, 'selfie.mp4'),
    longVideo: join(dir, 'selfie-40s.mp4'),
  };
  await photo(fixtures.photo, 1600, 1000);
  await noisePhoto(fixtures.bigPhoto, 3000, 2000);
  writeFileSync(fixtures.textAsJpeg, '这不是一张照片，只是改了扩展名的文本文件。\n'.repeat(200));
  video(fixtures.video, 8);
  video(fixtures.longVideo, 40);
  return fixtures;
}

/** The files `ApiTestKit.makeSubmittable` uploads for another device of the applicant: the photo and the selfie. */
export function submittableMedia(files: Fixtures): SubmittableMedia {
  return { photo: readFileSync(files.photo), video: readFileSync(files.video) };
}
