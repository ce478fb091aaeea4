import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { FaceCheckStatus } from '@beian/shared';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** One face check per person (certificate number) per order, reused by every service with that principal. */
@Entity('face_checks')
@Unique(['orderId', 'certificateIndex'])
export class FaceCheckEntity {
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ name: 'certificate_index', type: 'varchar', length: 64 })
  certificateIndex: string;

  /** The draft path the check was started from (its ID photos are compared). */
  @Column({ type: 'varchar', length: 64 })
  path: string;

  /** null until a video was submitted. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  status: FaceCheckStatus | null;

  @Column({ name: 'challenge_id', ...IdColumn, nullable: true })
  challengeId: string | null;

  /** Encrypted digits to read aloud. */
  @Column({ name: 'challenge_digits', type: 'text', nullable: true })
  challengeDigits: string | null;

  @TimeColumn({ name: 'challenge_expires_at', nullable: true })
  challengeExpiresAt: Date | null;

  @Column({ name: 'video_file_id', ...IdColumn, nullable: true })
  videoFileId: string | null;

  @Column({ name: 'photo_file_id', ...IdColumn, nullable: true })
  photoFileId: string | null;

  /** The account that recorded the video. */
  @Column({ name: 'performed_by', ...IdColumn, nullable: true })
  performedBy: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  /** The verifier's reference (e.g. Tencent RequestId) and similarity score. */
  @Column({ name: 'verifier_ref', type: 'varchar', length: 80, nullable: true })
  verifierRef: string | null;

  @Column({ type: 'float', nullable: true })
  score: number | null;

  @Column({ name: 'reviewer_id', ...IdColumn, nullable: true })
  reviewerId: string | null;

  @TimeColumn({ name: 'reviewed_at', nullable: true })
  reviewedAt: Date | null;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;

  @TimeColumn({ name: 'updated_at' })
  updatedAt: Date;
}
