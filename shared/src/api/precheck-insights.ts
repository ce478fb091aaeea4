/** One cluster of 初审 rejections on a field the pre-check let through (a miss), counted per month. */
export interface PrecheckMissGroup {
  /** Draft path pattern, list positions as `*` (e.g. `websites.*.name`). */
  field: string;
  fieldLabel: string;
  /** Rule area: 主办者, 主体负责人, 网站, 网站负责人, APP, 材料 … */
  area: string;
  /** The reviewer's reason and latest suggestion, with the applicant's personal values removed. */
  reason: string;
  suggestion: string;
  count: number;
  /** `YYYY-MM` (China) → rejections that month, oldest first. */
  months: { month: string; count: number }[];
  /** Provinces of the rejected orders: two-digit code and name. */
  provinces: { code: string; name: string }[];
  lastAt: string;
}

/** GET /api/review/precheck-misses?months=N: misses since the start of the window, biggest clusters first. */
export interface PrecheckMissesResponse {
  since: string;
  total: number;
  groups: PrecheckMissGroup[];
}

/** A common 初审 rejection of orders like the applicant's, on one field. */
export interface RejectionHint {
  field: string;
  fieldLabel: string;
  reason: string;
  suggestion: string;
  count: number;
}

/** GET /api/orders/:id/rejection-hints: the top reasons orders of the same province, nature and kind were rejected last month. */
export interface RejectionHintsResponse {
  since: string;
  hints: RejectionHint[];
}
