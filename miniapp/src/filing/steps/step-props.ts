import type { SubjectType } from '@beian/shared';

/** What every step of the wizard gets from the page. */
export interface StepProps {
  /** The kind the draft is validated with (see wizardKind). */
  kind: string;
  subjectType: SubjectType;
  /** The order's id once it exists. */
  orderId: string | null;
  /** The order's id, creating the order first when the first step has what creating needs. */
  ensureOrder(): Promise<string | null>;
  /** The filing province asks every principal for an emergency phone. */
  emergencyRequired: boolean;
}
