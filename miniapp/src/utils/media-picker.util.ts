import Taro from '@tarojs/taro';
import { UPLOAD_LIMITS, type UploadContentType } from '@beian/shared';

/** A file chosen on this device, ready to upload: bytes in H5, a temporary file in the weapp. */
export interface PickedFile {
  contentType: UploadContentType;
  size: number;
  blob?: Blob;
  path?: string;
  /** Videos: length in seconds, when the device tells. */
  durationSeconds?: number;
  /** Photos: size before compression. */
  originalSize?: number;
}

/** A file refused on the device, with what to do instead. */
export class PickError extends Error {
  override name = 'PickError';
}

/** Photos are compressed before upload: long edge ≤ 2048 px, ≤ 1 MB, re-encoded as JPEG (drops EXIF and GPS). */
export const PHOTO_MAX_EDGE = 2048;
export const PHOTO_MAX_BYTES = 1024 * 1024;
const JPEG_QUALITIES = [0.85, 0.7, 0.55, 0.4];

const MESSAGES = {
  notImage: '文件不是有效的JPG或PNG图片，请重新拍照或选择照片上传',
  tooSmall: `照片太小，请上传至少${UPLOAD_LIMITS.minWidth}×${UPLOAD_LIMITS.minHeight}像素的清晰照片`,
  tooLarge: '照片压缩后仍超过1 MB，请裁剪后重新上传',
  fileTooLarge: `文件超过${UPLOAD_LIMITS.maxFileBytes / 1024 / 1024} MB，请压缩后重新上传`,
  videoTooLarge: `视频超过${UPLOAD_LIMITS.maxVideoBytes / 1024 / 1024} MB，请缩短时长后重新录制`,
  videoDuration: `视频时长须为${UPLOAD_LIMITS.minVideoSeconds}–${UPLOAD_LIMITS.maxVideoSeconds}秒，请重新录制`,
  notVideo: '文件不是有效的MP4视频，请使用前置摄像头重新录制',
} as const;

const isH5 = process.env.TARO_ENV === 'h5';

/** H5: opens the browser's file chooser; resolves null when the user closes it without a file. */
function chooseInBrowser(accept: string, capture?: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    if (capture) input.setAttribute('capture', capture);
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new PickError(MESSAGES.notImage));
    };
    image.src = url;
  });
}

function canvasBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

async function compressInBrowser(file: File): Promise<PickedFile> {
  const image = await loadImage(file);
  const { naturalWidth: width, naturalHeight: height } = image;
  if (width < UPLOAD_LIMITS.minWidth || height < UPLOAD_LIMITS.minHeight) throw new PickError(MESSAGES.tooSmall);
  let scale = Math.min(1, PHOTO_MAX_EDGE / Math.max(width, height));
  const canvas = document.createElement('canvas');
  for (let round = 0; round < 3; round++) {
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    for (const quality of JPEG_QUALITIES) {
      const blob = await canvasBlob(canvas, quality);
      if (blob && blob.size <= PHOTO_MAX_BYTES) return { contentType: 'image/jpeg', size: blob.size, blob, originalSize: file.size };
    }
    // Never below the server's minimum pixels.
    scale = Math.max(scale * 0.75, UPLOAD_LIMITS.minWidth / width, UPLOAD_LIMITS.minHeight / height);
  }
  throw new PickError(MESSAGES.tooLarge);
}

async function compressInWeapp(path: string, originalSize: number): Promise<PickedFile> {
  const info = await Taro.getImageInfo({ src: path }).catch(() => {
    throw new PickError(MESSAGES.notImage);
  });
  if (info.width < UPLOAD_LIMITS.minWidth || info.height < UPLOAD_LIMITS.minHeight) throw new PickError(MESSAGES.tooSmall);
  const landscape = info.width >= info.height;
  const edge = Math.min(PHOTO_MAX_EDGE, Math.max(info.width, info.height));
  for (const quality of JPEG_QUALITIES) {
    const { tempFilePath } = await Taro.compressImage({
      src: path,
      quality: Math.round(quality * 100),
      ...(landscape ? { compressedWidth: edge } : { compressedHeight: edge }),
    });
    const fileInfo = await Taro.getFileInfo({ filePath: tempFilePath });
    const size = 'size' in fileInfo ? fileInfo.size : Number.POSITIVE_INFINITY;
    if (size <= PHOTO_MAX_BYTES) return { contentType: 'image/jpeg', size, path: tempFilePath, originalSize };
  }
  throw new PickError(MESSAGES.tooLarge);
}

/** Told once a file is chosen, before the (possibly slow) compression starts. */
export type OnChosen = () => void;

/** A photo from the camera or album, compressed. Null when the user cancels. */
export async function pickPhoto(onChosen?: OnChosen): Promise<PickedFile | null> {
  if (isH5) {
    const file = await chooseInBrowser('image/*');
    if (file) onChosen?.();
    return file ? compressInBrowser(file) : null;
  }
  const chosen = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera', 'album'] }).catch(() => null);
  const file = chosen?.tempFiles[0];
  if (file) onChosen?.();
  return file ? compressInWeapp(file.tempFilePath, file.size) : null;
}

/** A photo (compressed) or a PDF, for letters and approval documents. */
export async function pickDocument(onChosen?: OnChosen): Promise<PickedFile | null> {
  if (!isH5) return pickPhoto(onChosen);
  const file = await chooseInBrowser('image/*,application/pdf');
  if (!file) return null;
  if (file.type !== 'application/pdf') {
    onChosen?.();
    return compressInBrowser(file);
  }
  if (file.size > UPLOAD_LIMITS.maxFileBytes) throw new PickError(MESSAGES.fileTooLarge);
  return { contentType: 'application/pdf', size: file.size, blob: file };
}

function videoSeconds(file: Blob): Promise<number | undefined> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const video = document.createElement('video');
    video.preload = 'metadata';
    const done = (seconds: number | undefined) => {
      URL.revokeObjectURL(url);
      resolve(seconds);
    };
    video.onloadedmetadata = () => done(Number.isFinite(video.duration) ? video.duration : undefined);
    // The server reads the duration from the file when this browser cannot.
    video.onerror = () => done(undefined);
    video.src = url;
  });
}

function checkVideo(size: number, seconds: number | undefined): void {
  if (seconds !== undefined && (seconds < UPLOAD_LIMITS.minVideoSeconds || seconds > UPLOAD_LIMITS.maxVideoSeconds + 0.5)) {
    throw new PickError(MESSAGES.videoDuration);
  }
  if (size > UPLOAD_LIMITS.maxVideoBytes) throw new PickError(MESSAGES.videoTooLarge);
}

/** A selfie video recorded with the front camera (H5: the browser's capture, or a file). Null when cancelled. */
export async function recordSelfieVideo(): Promise<PickedFile | null> {
  if (isH5) {
    const file = await chooseInBrowser('video/*', 'user');
    if (!file) return null;
    if (file.type && !file.type.startsWith('video/')) throw new PickError(MESSAGES.notVideo);
    const seconds = await videoSeconds(file);
    checkVideo(file.size, seconds);
    return { contentType: 'video/mp4', size: file.size, blob: file, durationSeconds: seconds };
  }
  const chosen = await Taro.chooseMedia({
    count: 1,
    mediaType: ['video'],
    sourceType: ['camera'],
    camera: 'front',
    maxDuration: UPLOAD_LIMITS.maxVideoSeconds,
  }).catch(() => null);
  const file = chosen?.tempFiles[0];
  if (!file) return null;
  checkVideo(file.size, file.duration);
  return { contentType: 'video/mp4', size: file.size, path: file.tempFilePath, durationSeconds: file.duration };
}
