import sharp from 'sharp';
import { PHOTO_ONLY_KINDS, UPLOAD_LIMITS, type UploadContentType, type UploadKind } from '@beian/shared';
import { sniffContentType } from './media-sniffer';
import { inspectMp4 } from './mp4-inspector';
import { mp4StructureProblem } from './mp4-structure';
import { stripMp4Metadata } from './mp4-metadata';
import { pdfActiveContent } from './pdf-checks';

export interface MediaProblem {
  code: string;
  message: string;
}

export interface AcceptedMedia {
  bytes: Buffer;
  contentType: UploadContentType;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  thumbnail: Buffer | null;
}

const MB = 1024 * 1024;
const THUMBNAIL_EDGE = 320;

const problem = (code: string, message: string): MediaProblem => ({ code, message });

function isPhoto(type: UploadContentType | null): boolean {
  return type === 'image/jpeg' || type === 'image/png';
}

export function maxBytesFor(kind: UploadKind): number {
  return kind === 'face_video' ? UPLOAD_LIMITS.maxVideoBytes : UPLOAD_LIMITS.maxFileBytes;
}

/** What a kind accepts, checked on the declared type at the ticket and on the sniffed type at confirmation. */
export function contentTypeProblem(kind: UploadKind, type: UploadContentType | null): MediaProblem | null {
  if (kind === 'face_video') return type === 'video/mp4' ? null : problem('VIDEO_NOT_MP4', '视频格式不正确，请使用前置摄像头重新录制MP4视频');
  if (PHOTO_ONLY_KINDS.includes(kind)) {
    if (type === 'application/pdf') return problem('PHOTO_REQUIRED', '此处需要上传JPG/PNG格式的照片，不支持PDF文件，请拍照或选择图片上传');
    return isPhoto(type) ? null : problem('FILE_NOT_PHOTO', '文件内容不是JPG/PNG图片，请重新拍照或选择图片上传');
  }
  return isPhoto(type) || type === 'application/pdf' ? null : problem('FILE_TYPE_INVALID', '文件内容不是JPG/PNG图片或PDF文件，请重新选择文件上传');
}

export function sizeProblem(kind: UploadKind, size: number): MediaProblem | null {
  const limit = maxBytesFor(kind);
  if (size <= limit) return null;
  return kind === 'face_video'
    ? problem('VIDEO_TOO_LARGE', `视频大小不能超过${limit / MB}MB，请缩短时长（5–15秒）后重新录制`)
    : problem('FILE_TOO_LARGE', `照片大小不能超过${limit / MB}MB，请压缩后重新上传`);
}

/** Checks an uploaded file by its content; photos come back re-encoded (EXIF and GPS dropped) with a thumbnail. */
export async function checkMedia(kind: UploadKind, bytes: Buffer): Promise<AcceptedMedia | MediaProblem> {
  const contentType = sniffContentType(bytes);
  const typeProblem = contentTypeProblem(kind, contentType);
  if (typeProblem || !contentType) return typeProblem ?? problem('FILE_TYPE_INVALID', '无法识别文件类型，请重新选择文件上传');
  const tooLarge = sizeProblem(kind, bytes.length);
  if (tooLarge) return tooLarge;
  if (contentType === 'video/mp4') return checkVideo(bytes);
  if (contentType === 'application/pdf') {
    if (pdfActiveContent(bytes)) return problem('PDF_ACTIVE_CONTENT', 'PDF文件中含有脚本或附件，请导出为普通PDF或拍照后重新上传');
    return { bytes, contentType, width: null, height: null, durationMs: null, thumbnail: null };
  }
  return checkPhoto(bytes, contentType);
}

function checkVideo(bytes: Buffer): AcceptedMedia | MediaProblem {
  const facts = inspectMp4(bytes);
  // The header alone can be forged: the box tree and the video track's sample tables must hold together too.
  if (!facts || (facts.hasVideoTrack && mp4StructureProblem(bytes))) return problem('VIDEO_UNREADABLE', '视频文件已损坏或格式不正确，请重新录制');
  if (!facts.hasVideoTrack) return problem('VIDEO_NO_TRACK', '视频中没有画面，请使用前置摄像头重新录制');
  if (facts.durationMs < UPLOAD_LIMITS.minVideoSeconds * 1000) {
    return problem('VIDEO_TOO_SHORT', `视频时长不能少于${UPLOAD_LIMITS.minVideoSeconds}秒，请重新录制并完整读出屏幕上的数字`);
  }
  if (facts.durationMs > UPLOAD_LIMITS.maxVideoSeconds * 1000) {
    return problem('VIDEO_TOO_LONG', `视频时长不能超过${UPLOAD_LIMITS.maxVideoSeconds}秒，请重新录制`);
  }
  return { bytes: stripMp4Metadata(bytes), contentType: 'video/mp4', width: null, height: null, durationMs: facts.durationMs, thumbnail: null };
}

async function checkPhoto(bytes: Buffer, contentType: UploadContentType): Promise<AcceptedMedia | MediaProblem> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    return problem('IMAGE_UNREADABLE', '图片已损坏或无法读取，请重新拍照上传');
  }
  const long = Math.max(meta.width, meta.height);
  const short = Math.min(meta.width, meta.height);
  const { minWidth, minHeight, maxWidth, maxHeight } = UPLOAD_LIMITS;
  if (long < minWidth || short < minHeight) {
    return problem('IMAGE_TOO_SMALL', `照片尺寸过小（至少${minWidth}×${minHeight}像素），请重新拍摄清晰的照片`);
  }
  if (long > Math.max(maxWidth, maxHeight) || short > Math.min(maxWidth, maxHeight)) {
    return problem('IMAGE_TOO_LARGE', `照片尺寸过大（不超过${maxWidth}×${maxHeight}像素），请缩小后重新上传`);
  }
  try {
    // Re-encoding without withMetadata() drops EXIF (GPS, device) after applying its orientation.
    const image = sharp(bytes).rotate();
    const encoded = contentType === 'image/png' ? image.png() : image.jpeg({ quality: 90 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data).resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
    return { bytes: data, contentType, width: info.width, height: info.height, durationMs: null, thumbnail };
  } catch {
    return problem('IMAGE_UNREADABLE', '图片已损坏或无法读取，请重新拍照上传');
  }
}
