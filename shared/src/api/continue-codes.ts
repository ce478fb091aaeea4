import type { OrderStepKey } from '../workflow/order-steps.table';

/**
 * 扫码继续: a desktop browser shows a code for its order at its step; the phone scans it and opens the same order at
 * the same step. The code's `scene` (≤ 32 characters, WeChat's limit) is a short token the server resolves, for the
 * order's owner only.
 *   `GET /api/orders/:id/continue-code?step=<OrderStepKey>` → {@link ContinueCode} (owner)
 *   `GET /api/orders/:id/continue-code/wxacode?step=<OrderStepKey>` → `image/png` (owner): a mini-program code with
 *        the scene, or without an AppID a QR code of the H5 link
 *   `GET /api/continue-codes/:scene` → {@link ContinueTarget} (the order's owner; 404 ORDER_NOT_FOUND to anyone else)
 */
export interface ContinueCode {
  scene: string;
  /** The H5 address of the wizard at the step, e.g. `/filing/pages/start/index?scene=…`. */
  link: string;
}

export interface ContinueTarget {
  orderId: string;
  step: OrderStepKey;
}
