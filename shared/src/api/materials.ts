import { z } from 'zod/mini';
import { MATERIAL_KINDS, type MaterialKind } from '../schemas/draft.schema';

/**
 * Two-phase uploads (ticket → PUT bytes → confirm). All routes under `/api`.
 *
 * 1. `POST /api/orders/:id/uploads` {@link CreateUploadRequest} → 201 {@link UploadTicket}
 *    (a principal with an invitation uses `POST /api/invitations/:token/uploads`, same body without `target`).
 * 2. `PUT {uploadUrl}` with the raw bytes and the ticket's `headers` (Content-Type). The URL is absolute-path
 *    (`/api/storage/…` for the local adapter, a presigned S3/COS URL otherwise); no auth header needed.
 * 3. `POST /api/uploads/:uploadId/confirm` → {@link MaterialFile}. The server checks the CONTENT (magic bytes,
 *    size, pixels, video container/duration), strips EXIF by re-encoding photos and makes a thumbnail.
 *    Put `{ kind, fileId, target }` into `draft.materials` afterwards (fileId === uploadId).
 *
 * Errors: 422 VALIDATION_FAILED with `fields[0].path === uploadFieldPath(target, kind)` and a Chinese message.
 * Unconfirmed uploads expire at `expiresAt` and are deleted by a job.
 */
export const UPLOAD_KINDS = [...MATERIAL_KINDS, 'face_video'] as const;
export type UploadKind = MaterialKind | 'face_video';

export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf', 'video/mp4'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];

/** Kinds that must be a photo (JPG/PNG); the others also accept a PDF, except `face_video` (MP4 only). */
export const PHOTO_ONLY_KINDS: readonly UploadKind[] = [
  'subject_certificate',
  'certificate_front',
  'certificate_back',
  'residence_permit',
  'domain_real_name',
  'app_icon',
];

export const UPLOAD_LIMITS = {
  /** Photos and PDFs. The mini-program compresses photos first (long edge ≤ 2048 px, ≤ 1 MB). */
  maxFileBytes: 5 * 1024 * 1024,
  maxVideoBytes: 5 * 1024 * 1024,
  minWidth: 500,
  minHeight: 300,
  maxWidth: 5000,
  maxHeight: 5000,
  minVideoSeconds: 5,
  maxVideoSeconds: 15,
  /** Per order: confirmed + pending uploads. */
  maxFilesPerOrder: 60,
  maxBytesPerOrder: 100 * 1024 * 1024,
  /** A ticket must be uploaded and confirmed within this time. */
  ticketMinutes: 30,
} as const;

/** The field path upload errors are reported on, e.g. `subjectPrincipal.certificate_front`. */
export function uploadFieldPath(target: string, kind: UploadKind): string {
  return `${target}.${kind}`;
}

/** POST /api/orders/:id/uploads */
export interface CreateUploadRequest {
  kind: UploadKind;
  /** Draft path the file belongs to: `subject`, `subjectPrincipal`, `websites.0`, `websites.0.principal`, `apps.1` … */
  target: string;
  contentType: UploadContentType;
  /** Bytes the client is about to PUT. */
  size: number;
}

export const createUploadRequestSchema = z.object({
  kind: z.enum(UPLOAD_KINDS),
  target: z.string().check(z.regex(/^(subject|subjectPrincipal|(websites|apps)\.\d{1,2}(\.principal)?|order)$/)),
  contentType: z.enum(UPLOAD_CONTENT_TYPES),
  size: z.number().check(z.int(), z.minimum(1)),
});

/** POST /api/invitations/:token/uploads — the target is the invited principal's path. */
export interface CreatePrincipalUploadRequest {
  kind: 'certificate_front' | 'certificate_back' | 'face_video';
  contentType: UploadContentType;
  size: number;
}

export const createPrincipalUploadRequestSchema = z.object({
  kind: z.enum(['certificate_front', 'certificate_back', 'face_video']),
  contentType: z.enum(UPLOAD_CONTENT_TYPES),
  size: z.number().check(z.int(), z.minimum(1)),
});

export interface UploadTicket {
  uploadId: string;
  /** Where to PUT the bytes (relative to the API origin for the local adapter, absolute for S3/COS). */
  uploadUrl: string;
  method: 'PUT';
  /** Headers to send with the PUT, e.g. Content-Type. */
  headers: Record<string, string>;
  expiresAt: string;
  maxBytes: number;
}

/** A confirmed upload. `fileId` is what `draft.materials[].fileId` references (equals the uploadId). */
export interface MaterialFile {
  fileId: string;
  kind: UploadKind;
  target: string;
  contentType: UploadContentType;
  size: number;
  /** Photos only (after re-encoding). */
  width: number | null;
  height: number | null;
  /** Videos only. */
  durationMs: number | null;
  /** Short-lived signed URL of a JPEG thumbnail (photos) — null for PDFs and videos. */
  thumbnailUrl: string | null;
  /** Short-lived signed URL of the stored file itself (to preview). */
  fileUrl: string;
  urlsExpireAt: string;
  createdAt: string;
}

/** GET /api/orders/:id/materials → confirmed files of the order (also those uploaded by invited principals). */
export type OrderMaterialsResponse = MaterialFile[];

/** POST /api/orders/:id/ocr */
export const OCR_KINDS = ['id_card_front', 'business_license'] as const;
export type OcrKind = (typeof OCR_KINDS)[number];

export interface OcrRequest {
  /** A confirmed upload (fileId) of this order. */
  uploadId: string;
  kind: OcrKind;
}

export const ocrRequestSchema = z.object({
  uploadId: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: z.enum(OCR_KINDS),
});

/** Fields the OCR engine read; absent when not recognised. The embedded default engine returns `{}`. Dates ISO or `长期`. */
export interface OcrResponse {
  fields: {
    name?: string;
    certificateNumber?: string;
    address?: string;
    validFrom?: string;
    validTo?: string;
  };
}
