import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { UploadContentType, UploadKind } from '@beian/shared';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/**
 * One upload, from ticket to confirmed file. Holds no personal data: the order and draft path it belongs to,
 * and random storage keys (the file itself lives in the object storage, apart from identity rows).
 */
@Entity('uploads')
@Index(['orderId', 'status'])
@Index(['status', 'expiresAt'])
export class UploadEntity {
  /** Also the `fileId` a draft references once confirmed. */
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  /** The account that asked for the ticket (the applicant, or an invited principal). */
  @Column({ name: 'uploader_id', ...IdColumn })
  uploaderId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: UploadKind;

  @Column({ type: 'varchar', length: 64 })
  target: string;

  @Column({ type: 'varchar', length: 16 })
  status: 'pending' | 'confirmed';

  /** Declared at the ticket, then the sniffed type after confirmation. */
  @Column({ name: 'content_type', type: 'varchar', length: 40 })
  contentType: UploadContentType;

  /** Declared at the ticket (counts towards the quota while pending), then the stored size. */
  @Column({ type: 'int' })
  size: number;

  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey: string;

  @Column({ name: 'thumbnail_key', type: 'varchar', length: 200, nullable: true })
  thumbnailKey: string | null;

  @Column({ type: 'int', nullable: true })
  width: number | null;

  @Column({ type: 'int', nullable: true })
  height: number | null;

  @Column({ name: 'duration_ms', type: 'int', nullable: true })
  durationMs: number | null;

  /** A pending upload not confirmed by then is deleted by the cleanup job. */
  @TimeColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;

  @TimeColumn({ name: 'confirmed_at', nullable: true })
  confirmedAt: Date | null;
}
