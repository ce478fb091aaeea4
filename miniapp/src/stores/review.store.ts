import { create } from 'zustand';
import type { AccessLink, AccessRequest, CallLogRequest, ReviewOrderDetail, ReviewQueueItem } from '@beian/shared';
import {
  approveOrder,
  claimOrder,
  confirmFaceCheck,
  getReviewOrder,
  listQueue,
  logCall,
  openFieldLink,
  rejectOrder,
  requestAccess,
} from '../services/review.api';
import { ApiError, newIdempotencyKey } from '../services/request';

/** What the reviewer writes for one rejected field. */
export interface FieldRejectionDraft {
  reason: string;
  suggestion: string;
}

export interface RevealedValue {
  value: unknown;
  expiresAt: string;
}

interface ReviewState {
  queue: ReviewQueueItem[];
  order: ReviewOrderDetail | null;
  loading: boolean;
  busy: boolean;
  error: string | null;
  /** Why the reviewer opens personal data; every link issued is audited with it. */
  accessReason: string;
  /** Unmasked values by draft path, each readable until its link expires. */
  revealed: Record<string, RevealedValue>;
  /** Links to materials and face videos by file id. */
  fileLinks: Record<string, AccessLink>;
  /** The rejection being written, keyed by draft path. */
  rejections: Record<string, FieldRejectionDraft>;

  loadQueue(): Promise<void>;
  loadOrder(orderId: string): Promise<void>;
  setAccessReason(reason: string): void;
  reveal(path: string): Promise<void>;
  openFile(type: 'material' | 'face_video', fileId: string): Promise<void>;
  logCall(call: CallLogRequest): Promise<void>;
  toggleRejection(path: string): void;
  editRejection(path: string, change: Partial<FieldRejectionDraft>): void;
  claim(): Promise<boolean>;
  approve(): Promise<boolean>;
  reject(): Promise<boolean>;
  rejectUnreachable(): Promise<boolean>;
  /** Confirms a face video as the principal's, or rejects it with the reason the principal reads. */
  judgeFaceCheck(faceCheckId: string, ok: boolean, reason?: string): Promise<boolean>;
}

const ACCESS_REASON_MIN = 2;

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '操作失败，请稍后重试';
}

function byDueTime(a: ReviewQueueItem, b: ReviewQueueItem): number {
  return a.dueAt.localeCompare(b.dueAt);
}

export const useReviewStore = create<ReviewState>()((set, get) => {
  /** Runs one staff action; answers whether it succeeded (the error is kept for the page). */
  async function act(action: () => Promise<void>): Promise<boolean> {
    set({ busy: true, error: null });
    try {
      await action();
      return true;
    } catch (error) {
      set({ error: messageOf(error) });
      return false;
    } finally {
      set({ busy: false });
    }
  }

  async function issueLink(target: AccessRequest['target']): Promise<AccessLink> {
    const { order, accessReason } = get();
    if (!order) throw new ApiError(0, 'NOT_LOADED', '订单尚未加载，请稍后重试');
    const reason = accessReason.trim();
    if (reason.length < ACCESS_REASON_MIN) throw new ApiError(0, 'ACCESS_REASON_REQUIRED', '请先填写调阅原因（至少 2 个字），再点击“查看”');
    return requestAccess(order.orderId, { target, reason });
  }

  /** After a decision the order leaves the queue; its detail is read again to show the new state. */
  async function decided(orderId: string) {
    set({ rejections: {}, revealed: {}, fileLinks: {} });
    await Promise.all([get().loadOrder(orderId), get().loadQueue()]);
  }

  return {
    queue: [],
    order: null,
    loading: false,
    busy: false,
    error: null,
    accessReason: '',
    revealed: {},
    fileLinks: {},
    rejections: {},

    async loadQueue() {
      set({ loading: true, error: null });
      try {
        set({ queue: [...(await listQueue())].sort(byDueTime) });
      } catch (error) {
        set({ error: messageOf(error) });
      } finally {
        set({ loading: false });
      }
    },

    async loadOrder(orderId) {
      const keep = get().order?.orderId === orderId;
      set({ loading: true, error: null, ...(keep ? {} : { order: null, revealed: {}, fileLinks: {}, rejections: {} }) });
      try {
        set({ order: await getReviewOrder(orderId) });
      } catch (error) {
        set({ error: messageOf(error) });
      } finally {
        set({ loading: false });
      }
    },

    setAccessReason(accessReason) {
      set({ accessReason });
    },

    reveal(path) {
      return act(async () => {
        const link = await issueLink({ type: 'field', path });
        const field = await openFieldLink(link);
        set({ revealed: { ...get().revealed, [path]: { value: field.value, expiresAt: link.expiresAt } } });
      }).then(() => undefined);
    },

    openFile(type, fileId) {
      return act(async () => {
        const link = await issueLink({ type, fileId });
        set({ fileLinks: { ...get().fileLinks, [fileId]: link } });
      }).then(() => undefined);
    },

    logCall(call) {
      return act(async () => {
        const order = get().order;
        if (!order) return;
        await logCall(order.orderId, call, newIdempotencyKey());
        await get().loadOrder(order.orderId);
      }).then(() => undefined);
    },

    toggleRejection(path) {
      const { [path]: existing, ...rest } = get().rejections;
      set({ rejections: existing ? rest : { ...rest, [path]: { reason: '', suggestion: '' } } });
    },

    editRejection(path, change) {
      const current = get().rejections[path];
      if (current) set({ rejections: { ...get().rejections, [path]: { ...current, ...change } } });
    },

    claim() {
      return act(async () => {
        const order = get().order;
        if (order) set({ order: await claimOrder(order.orderId) });
      });
    },

    approve() {
      return act(async () => {
        const order = get().order;
        if (!order) return;
        await approveOrder(order.orderId, newIdempotencyKey());
        await decided(order.orderId);
      });
    },

    reject() {
      return act(async () => {
        const { order, rejections } = get();
        if (!order) return;
        const reasons = Object.entries(rejections).map(([path, draft]) => ({ kind: 'field' as const, path, ...draft }));
        if (reasons.length === 0) throw new ApiError(0, 'NO_REASONS', '请至少选择一个需要修改的字段，并填写驳回原因和修改建议');
        if (reasons.some((reason) => !reason.reason.trim())) throw new ApiError(0, 'REASON_REQUIRED', '请为每个驳回的字段填写驳回原因');
        await rejectOrder(order.orderId, { reasons }, newIdempotencyKey());
        await decided(order.orderId);
      });
    },

    judgeFaceCheck(faceCheckId, ok, reason) {
      return act(async () => {
        const order = get().order;
        if (!order) return;
        if (!ok && !reason?.trim()) throw new ApiError(0, 'REASON_REQUIRED', '请填写不通过的原因，告诉负责人如何重新录制');
        await confirmFaceCheck(faceCheckId, ok ? { ok } : { ok, reason: reason!.trim() });
        await get().loadOrder(order.orderId);
      });
    },

    rejectUnreachable() {
      return act(async () => {
        const order = get().order;
        if (!order) return;
        const reasons = [{ kind: 'unreachable' as const, reason: '两次致电均未接通' }];
        await rejectOrder(order.orderId, { reasons }, newIdempotencyKey());
        await decided(order.orderId);
      });
    },
  };
});
