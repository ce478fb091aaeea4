export type FindingSeverity = 'error' | 'warning';

/** One pre-check result: where, what, how bad, what to do (Chinese) and which rule says so. */
export interface Finding {
  /** Dotted path into the draft, e.g. `websites.0.domains`; `''` for the whole order. */
  path: string;
  code: string;
  severity: FindingSeverity;
  message: string;
  source: string;
}

/** Errors block submission; warnings are shown and may be acknowledged. */
export function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}
