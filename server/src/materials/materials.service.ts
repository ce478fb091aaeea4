import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  UPLOAD_LIMITS,
  uploadFieldPath,
  type CreateUploadRequest,
  type FieldError,
  type MaterialFile,
  type SessionUser,
  type UploadContentType,
  type UploadKind,
  type UploadTicket,
} from '@beian/shared';
import { In, MoreThan, type EntityManager } from 'typeorm';
import { JobScheduler } from '../jobs/job-scheduler';
import { JobRunner } from '../jobs/job.runner';
import { OrderAccess } from '../order-core/order-access';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { checkMedia, contentTypeProblem, maxBytesFor, sizeProblem, type MediaProblem } from './media-checks';
import { ObjectStorage } from './object-storage.port';
import { UploadEntity } from './upload.entity';

const EXPIRE_JOB = 'materials.expire-upload';
const LINK_TTL_MS = 10 * 60_000;

export interface TicketRequest {
  orderId: string;
  uploaderId: string;
  kind: UploadKind;
  target: string;
  contentType: UploadContentType;
  size: number;
}

function fieldError(target: string, kind: UploadKind, p: MediaProblem): AppException {
  return AppException.validation([{ path: uploadFieldPath(target, kind), code: p.code, message: p.message }]);
}

@Injectable()
export class MaterialsService implements OnModuleInit {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: OrderAccess,
    private readonly storage: ObjectStorage,
    private readonly scheduler: JobScheduler,
    private readonly runner: JobRunner,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.runner.handle<{ uploadId: string }>(EXPIRE_JOB, (job) => this.expire(job.payload.uploadId));
  }

  /** Applicant: a ticket for a file of their own editable order. */
  createTicket(user: SessionUser, orderId: string, request: CreateUploadRequest): Promise<UploadTicket> {
    return this.db.transaction(async (tx) => {
      await this.access.editable(tx, user, orderId);
      return this.issueTicket(tx, { orderId, uploaderId: user.id, ...request });
    });
  }

  /** Checks the declared file, the order's quota, and hands out a signed PUT URL; the caller checked access. */
  async issueTicket(tx: EntityManager, request: TicketRequest): Promise<UploadTicket> {
    const { kind, target } = request;
    const declared = contentTypeProblem(kind, request.contentType) ?? sizeProblem(kind, request.size);
    if (declared) throw fieldError(target, kind, declared);
    await this.checkQuota(tx, request.orderId, target, kind, request.size, 1);
    const now = this.clock.now();
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + UPLOAD_LIMITS.ticketMinutes * 60_000);
    const upload = tx.create(UploadEntity, {
      id,
      orderId: request.orderId,
      uploaderId: request.uploaderId,
      kind,
      target,
      status: 'pending',
      contentType: request.contentType,
      size: request.size,
      storageKey: `incoming/${id}`,
      thumbnailKey: null,
      width: null,
      height: null,
      durationMs: null,
      expiresAt,
      createdAt: now,
      confirmedAt: null,
    });
    await tx.insert(UploadEntity, upload);
    await this.scheduler.schedule(tx, { type: EXPIRE_JOB, payload: { uploadId: id }, dueAt: expiresAt, dedupeKey: `${EXPIRE_JOB}:${id}` });
    const maxBytes = maxBytesFor(kind);
    return {
      uploadId: id,
      uploadUrl: this.storage.signedPutUrl(upload.storageKey, request.contentType, maxBytes, expiresAt),
      method: 'PUT',
      headers: { 'content-type': request.contentType, ...this.storage.uploadHeaders() },
      expiresAt: expiresAt.toISOString(),
      maxBytes,
    };
  }

  /** The uploader confirms: the stored bytes are checked by content; a refused file is deleted at once. */
  async confirm(user: SessionUser, uploadId: string): Promise<MaterialFile> {
    const upload = await this.db.manager.findOneBy(UploadEntity, { id: uploadId, uploaderId: user.id });
    if (!upload) throw new AppException('UPLOAD_NOT_FOUND');
    if (upload.status === 'confirmed') return this.view(upload);
    if (upload.expiresAt <= this.clock.now()) throw new AppException('UPLOAD_EXPIRED');
    const bytes = await this.storage.read(upload.storageKey);
    if (!bytes) {
      throw AppException.validation([{ path: uploadFieldPath(upload.target, upload.kind), code: 'FILE_MISSING', message: '文件尚未上传完成，请重新上传' }]);
    }
    if (bytes.length !== upload.size) {
      // The ticket's size was checked against the limits and the quota: the bytes must be what was declared.
      await this.discard(upload);
      throw fieldError(upload.target, upload.kind, { code: 'FILE_SIZE_MISMATCH', message: '上传的文件不完整或与所选文件不一致，请重新上传' });
    }
    const checked = await checkMedia(upload.kind, bytes);
    if ('code' in checked) {
      await this.discard(upload);
      throw fieldError(upload.target, upload.kind, checked);
    }
    const fileKey = `files/${upload.id}`;
    const thumbnailKey = checked.thumbnail ? `files/${upload.id}.thumb` : null;
    await this.storage.write(fileKey, checked.bytes);
    if (checked.thumbnail && thumbnailKey) await this.storage.write(thumbnailKey, checked.thumbnail);
    const confirmed = await this.db
      .transaction(async (tx) => {
        // Other tickets may have been confirmed meanwhile with more bytes than they declared.
        await this.checkQuota(tx, upload.orderId, upload.target, upload.kind, checked.bytes.length - upload.size, 0);
        const change = {
          status: 'confirmed' as const,
          contentType: checked.contentType,
          size: checked.bytes.length,
          storageKey: fileKey,
          thumbnailKey,
          width: checked.width,
          height: checked.height,
          durationMs: checked.durationMs,
          confirmedAt: this.clock.now(),
        };
        const result = await tx.update(UploadEntity, { id: upload.id, status: 'pending' }, change);
        if (!result.affected) throw new AppException('UPLOAD_NOT_FOUND');
        return { ...upload, ...change };
      })
      .catch(async (error: unknown) => {
        await Promise.all([this.storage.delete(fileKey), thumbnailKey ? this.storage.delete(thumbnailKey) : undefined]);
        throw error;
      });
    await this.storage.delete(upload.storageKey);
    return this.view(confirmed);
  }

  async list(user: SessionUser, orderId: string): Promise<MaterialFile[]> {
    const uploads = await this.db.transaction(async (tx) => {
      await this.access.owned(tx, user, orderId);
      return tx.find(UploadEntity, { where: { orderId, status: 'confirmed' }, order: { createdAt: 'ASC' } });
    });
    return uploads.map((upload) => this.view(upload));
  }

  async remove(user: SessionUser, orderId: string, fileId: string): Promise<void> {
    const upload = await this.db.transaction(async (tx) => {
      await this.access.editable(tx, user, orderId);
      const found = await tx.findOneBy(UploadEntity, { id: fileId, orderId });
      if (!found) throw new AppException('UPLOAD_NOT_FOUND');
      await tx.delete(UploadEntity, { id: found.id });
      return found;
    });
    await this.deleteObjects(upload);
  }

  /** Submission check: every file the draft references exists, is confirmed and belongs to this order. */
  async findingsForDraft(tx: EntityManager, orderId: string, draft: Record<string, unknown>): Promise<FieldError[]> {
    const references = referencedFiles(draft);
    const ids = [...new Set(references.map((r) => r.fileId))];
    const found = ids.length ? await tx.find(UploadEntity, { select: { id: true, orderId: true, status: true }, where: { id: In(ids) } }) : [];
    const usable = new Set(found.filter((u) => u.orderId === orderId && u.status === 'confirmed').map((u) => u.id));
    return references
      .filter((r) => !usable.has(r.fileId))
      .map((r) => ({ path: r.path, code: 'MATERIAL_FILE_MISSING', message: '该文件不存在或未上传完成，请重新上传' }));
  }

  /** A confirmed file of the order, with its bytes (for OCR and face verification). */
  async confirmedFile(tx: EntityManager, orderId: string, fileId: string): Promise<{ upload: UploadEntity; bytes: Buffer } | null> {
    const upload = await tx.findOneBy(UploadEntity, { id: fileId, orderId, status: 'confirmed' });
    const bytes = upload && (await this.storage.read(upload.storageKey));
    return upload && bytes ? { upload, bytes } : null;
  }

  /** A confirmed file of the order, metadata only. */
  confirmedUpload(tx: EntityManager, orderId: string, fileId: string): Promise<UploadEntity | null> {
    return tx.findOneBy(UploadEntity, { id: fileId, orderId, status: 'confirmed' });
  }

  /** The newest confirmed file of a kind at a draft path (e.g. a principal's ID photo), metadata only. */
  latestFile(tx: EntityManager, orderId: string, target: string, kind: UploadKind): Promise<UploadEntity | null> {
    return tx.findOne(UploadEntity, { where: { orderId, target, kind, status: 'confirmed' }, order: { confirmedAt: 'DESC' } });
  }

  /** Short-lived links to a file, for whoever the caller has already authorised (and audited, for staff). */
  view(upload: UploadEntity): MaterialFile {
    const expiresAt = new Date(this.clock.now().getTime() + LINK_TTL_MS);
    return {
      fileId: upload.id,
      kind: upload.kind,
      target: upload.target,
      contentType: upload.contentType,
      size: upload.size,
      width: upload.width,
      height: upload.height,
      durationMs: upload.durationMs,
      thumbnailUrl: upload.thumbnailKey ? this.storage.signedGetUrl(upload.thumbnailKey, 'image/jpeg', expiresAt) : null,
      fileUrl: this.storage.signedGetUrl(upload.storageKey, upload.contentType, expiresAt),
      urlsExpireAt: expiresAt.toISOString(),
      createdAt: upload.createdAt.toISOString(),
    };
  }

  private async checkQuota(tx: EntityManager, orderId: string, target: string, kind: UploadKind, extraBytes: number, extraFiles: number): Promise<void> {
    const live = await tx.find(UploadEntity, {
      select: { id: true, status: true, size: true, expiresAt: true },
      where: [
        { orderId, status: 'confirmed' },
        { orderId, status: 'pending', expiresAt: MoreThan(this.clock.now()) },
      ],
    });
    const bytes = live.reduce((sum, u) => sum + u.size, 0);
    if (live.length + extraFiles > UPLOAD_LIMITS.maxFilesPerOrder || bytes + extraBytes > UPLOAD_LIMITS.maxBytesPerOrder) {
      throw new AppException('UPLOAD_QUOTA_EXCEEDED', [
        { path: uploadFieldPath(target, kind), code: 'UPLOAD_QUOTA_EXCEEDED', message: '本订单上传的文件过多，请删除不需要的文件后再上传' },
      ]);
    }
  }

  private async expire(uploadId: string): Promise<void> {
    const upload = await this.db.transaction(async (tx) => {
      const found = await tx.findOneBy(UploadEntity, { id: uploadId, status: 'pending' });
      if (found) await tx.delete(UploadEntity, { id: found.id, status: 'pending' });
      return found;
    });
    if (upload) await this.deleteObjects(upload);
  }

  private async discard(upload: UploadEntity): Promise<void> {
    await this.db.transaction((tx) => tx.delete(UploadEntity, { id: upload.id, status: 'pending' }));
    await this.deleteObjects(upload);
  }

  private async deleteObjects(upload: UploadEntity): Promise<void> {
    await this.storage.delete(upload.storageKey);
    if (upload.thumbnailKey) await this.storage.delete(upload.thumbnailKey);
  }
}

/** `fileId`s in the draft: `materials[].fileId` and pre-approval documents of services. */
function referencedFiles(draft: Record<string, unknown>): { path: string; fileId: string }[] {
  const found: { path: string; fileId: string }[] = [];
  const each = (value: unknown, fn: (item: Record<string, unknown>, i: number) => void) => {
    if (Array.isArray(value)) value.forEach((item, i) => item && typeof item === 'object' && fn(item as Record<string, unknown>, i));
  };
  each(draft.materials, (item, i) => {
    if (typeof item.fileId === 'string' && item.fileId) found.push({ path: `materials.${i}.fileId`, fileId: item.fileId });
  });
  for (const list of ['websites', 'apps'] as const) {
    each(draft[list], (service, i) =>
      each(service.preApprovals, (approval, j) => {
        if (typeof approval.fileId === 'string' && approval.fileId) found.push({ path: `${list}.${i}.preApprovals.${j}.fileId`, fileId: approval.fileId });
      }),
    );
  }
  return found;
}
