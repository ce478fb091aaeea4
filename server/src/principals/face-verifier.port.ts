export interface FaceVerificationRequest {
  /** MP4 already checked for container, duration, size and video track. */
  video: Buffer;
  /** The digits the person was asked to read aloud. */
  digits: string;
  /** The principal's ID photo (portrait side), to compare with. */
  idPhoto: Buffer;
}

export interface FaceVerificationResult {
  /** needs_review: the automatic checks passed and a reviewer compares the video with the ID photo. */
  outcome: 'passed' | 'failed' | 'needs_review';
  /** Chinese, what to do next, when failed. */
  reason: string | null;
  reference: string | null;
  score: number | null;
}

/** The face-verification port (liveness with the read-aloud digits + comparison with the ID photo). */
export abstract class FaceVerifier {
  /** Throws only when the service could not be asked; a failed face is a result. */
  abstract verify(request: FaceVerificationRequest): Promise<FaceVerificationResult>;
}

/**
 * Embedded default: the video's container, duration, size and track were checked on upload; liveness and the
 * comparison with the ID photo are left to a reviewer (status `pending_reviewer_confirmation`).
 */
export class ReviewerConfirmedFaceVerifier extends FaceVerifier {
  verify(): Promise<FaceVerificationResult> {
    return Promise.resolve({ outcome: 'needs_review', reason: null, reference: null, score: null });
  }
}
