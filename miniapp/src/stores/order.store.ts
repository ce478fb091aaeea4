import { create } from 'zustand';
import { normalizeDraftField, type CreateOrderRequest, type FieldError, type FilingTypeDecision, type OrderDetail } from '@beian/shared';
import { ApiError } from '../services/request';
import { createOrder, getOrder, resubmitOrder, saveDraft, submitOrder } from '../services/orders.api';
import { getAt, isUnder, setAt, type DraftTree } from '../utils/draft-path.util';
import { mergeSections, type ConflictField } from '../utils/draft-merge.util';
import { serverClockOffset } from '../utils/server-clock.util';
import { DraftAutosaveScheduler } from './draft-autosave.scheduler';

/** `offline`: the last save did not reach the server; it is kept here and retried. */
export type SaveState = 'saved' | 'saving' | 'unsaved' | 'offline' | 'conflict';

export interface DraftConflict {
  version: number;
  /** The server's draft, reloaded unmasked (reveal=true). */
  server: DraftTree;
  fields: ConflictField[];
}

export type ConflictChoice = 'mine' | 'server';

interface OrderState {
  order: OrderDetail | null;
  loading: boolean;
  /** The last error of a load, create, save or submit, shown above the form. */
  error: string | null;
  /** The whole draft being edited (unmasked, in memory only). */
  draft: DraftTree;
  /** The draft as the server last had it, to tell this device's changes from the other device's. */
  base: DraftTree;
  version: number;
  saveState: SaveState;
  savedAt: string | null;
  conflict: DraftConflict | null;
  /** The server's 验证备案类型 answer for this wizard (kind + reason), shown on the first step. */
  filingType: FilingTypeDecision | null;
  /** Messages keyed by draft path (`subject.name`), or by upload path (`subjectPrincipal.certificate_front`). */
  fieldErrors: Record<string, string>;
  /** The server's clock minus the device's, from the last order answer or save: the wizard's "today" is the server's. */
  clockOffsetMs: number;

  /** Starts a new, unsaved wizard (no order yet). */
  start(draft: DraftTree): void;
  load(id: string): Promise<void>;
  /** Creates the order, then saves the draft entered so far. */
  create(request: CreateOrderRequest, idempotencyKey: string): Promise<OrderDetail | null>;
  setField(path: string, value: unknown): void;
  setFilingType(decision: FilingTypeDecision | null): void;
  /** Any change of the draft; `sections` are the top-level keys it touches. */
  updateDraft(change: (draft: DraftTree) => DraftTree, sections: readonly string[]): void;
  /** Replaces the errors of the paths `owns` accepts (all errors when omitted) with `errors`. */
  setFieldErrors(errors: readonly FieldError[], owns?: (path: string) => boolean): void;
  save(): Promise<void>;
  /** Saves pending changes now instead of waiting for the autosave delay. */
  flush(): Promise<void>;
  resolveConflict(choices: Readonly<Record<string, ConflictChoice>>): Promise<void>;
  /** 提交备案 of a draft, 重新提交 of a rejected or returned order. */
  submit(idempotencyKey: string): Promise<OrderDetail | null>;
}

const OPEN_ORDER_NOTICE = '您有一个未完成的备案订单，已为您打开，请继续填写';

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '操作失败，请稍后重试';
}

export const useOrderStore = create<OrderState>()((set, get) => {
  const autosave = new DraftAutosaveScheduler(() => get().save());

  function orderLoaded(order: OrderDetail) {
    autosave.reset();
    set({
      order,
      draft: order.draft,
      base: order.draft,
      version: order.version,
      saveState: 'saved',
      savedAt: null,
      conflict: null,
      fieldErrors: {},
      error: null,
      clockOffsetMs: serverClockOffset(order.now),
    });
  }

  async function onConflict(orderId: string, sections: string[]) {
    const server = await getOrder(orderId, true);
    const { draft, base } = get();
    const { merged, fields } = mergeSections(draft, base, server.draft, sections);
    if (fields.length === 0) {
      // Nothing changed on both sides: the merge is saved without asking.
      set({ draft: merged, base: server.draft, version: server.version, saveState: 'unsaved' });
      autosave.schedule(0);
      return;
    }
    set({ saveState: 'conflict', conflict: { version: server.version, server: server.draft, fields } });
  }

  async function runSave(orderId: string) {
    const snapshot = autosave.snapshot();
    const sections = Object.keys(snapshot);
    if (sections.length === 0) {
      set({ saveState: 'saved' });
      return;
    }
    const { draft, version } = get();
    set({ saveState: 'saving' });
    try {
      const body = Object.fromEntries(sections.map((section) => [section, draft[section] ?? {}]));
      const saved = await saveDraft(orderId, { version, draft: body });
      autosave.saved(snapshot);
      set({ base: { ...get().base, ...body } });
      const pending = autosave.hasPending();
      set({
        version: saved.version,
        savedAt: saved.savedAt,
        saveState: pending ? 'unsaved' : 'saved',
        error: null,
        clockOffsetMs: serverClockOffset(saved.savedAt),
      });
      if (pending) autosave.schedule();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        await onConflict(orderId, sections).catch((reload: unknown) => set({ saveState: 'unsaved', error: messageOf(reload) }));
        return;
      }
      if (error instanceof ApiError && error.status === 422) {
        // The draft has a value of the wrong shape; it stays here until the field is corrected.
        const fields = error.fields.map((field) => ({ ...field, path: field.path.replace(/^draft\./, '') }));
        get().setFieldErrors(fields, (path) => sections.some((section) => isUnder(path, section)));
        set({ saveState: 'unsaved', error: error.message });
        return;
      }
      set({ saveState: error instanceof ApiError && error.status === 0 ? 'offline' : 'unsaved', error: messageOf(error) });
      autosave.failed();
    }
  }

  return {
    order: null,
    loading: false,
    error: null,
    draft: {},
    base: {},
    version: 0,
    saveState: 'saved',
    savedAt: null,
    conflict: null,
    fieldErrors: {},
    filingType: null,
    clockOffsetMs: 0,

    start(draft) {
      autosave.discard();
      set({ filingType: null, order: null, draft, base: {}, version: 0, saveState: 'saved', savedAt: null, conflict: null, fieldErrors: {}, error: null });
    },

    async load(id) {
      set({ loading: true, error: null });
      try {
        orderLoaded(await getOrder(id, true));
      } catch (error) {
        set({ error: messageOf(error) });
      } finally {
        set({ loading: false });
      }
    },

    async create(request, idempotencyKey) {
      set({ loading: true, error: null });
      try {
        const { draft } = get();
        const created = await createOrder(request, idempotencyKey);
        orderLoaded(created);
        set({ draft: { ...created.draft, ...draft } });
        autosave.markDirty(Object.keys(draft));
        await get().save();
        return created;
      } catch (error) {
        const openId = error instanceof ApiError && error.code === 'ORDER_IN_FLIGHT' ? error.details?.orderId : undefined;
        if (typeof openId !== 'string') {
          set({ error: messageOf(error) });
          return null;
        }
        // One open order per account: continue that one rather than lose it.
        orderLoaded(await getOrder(openId, true));
        set({ error: OPEN_ORDER_NOTICE });
        return get().order;
      } finally {
        set({ loading: false });
      }
    },

    setFilingType(decision) {
      set({ filingType: decision });
    },

    setField(path, value) {
      const kept = typeof value === 'string' ? normalizeDraftField(path, value) : value;
      get().updateDraft((draft) => setAt(draft, path, kept), [path.split('.')[0]!]);
      const { fieldErrors } = get();
      if (path in fieldErrors) {
        const { [path]: _cleared, ...rest } = fieldErrors;
        set({ fieldErrors: rest });
      }
    },

    updateDraft(change, sections) {
      set({ draft: change(get().draft) });
      autosave.markDirty(sections);
      const { order, saveState } = get();
      if (saveState === 'conflict') return;
      set({ saveState: 'unsaved' });
      if (order) autosave.schedule();
    },

    setFieldErrors(errors, owns) {
      const kept = owns ? Object.fromEntries(Object.entries(get().fieldErrors).filter(([path]) => !owns(path))) : {};
      for (const { path, message } of errors) kept[path] ??= message;
      set({ fieldErrors: kept });
    },

    async save() {
      autosave.cancel();
      const { order, saveState } = get();
      if (!order || saveState === 'conflict') return;
      await autosave.runExclusive(() => runSave(order.id));
    },

    async flush() {
      await autosave.idle();
      if (autosave.hasPending() && get().saveState !== 'conflict') await get().save();
    },

    async resolveConflict(choices) {
      const { conflict, draft, base } = get();
      if (!conflict) return;
      // Merged again now: fields typed while the choice was on screen are kept too.
      let { merged } = mergeSections(draft, base, conflict.server, autosave.pendingSections());
      for (const field of conflict.fields) {
        if (choices[field.path] === 'mine') merged = setAt(merged, field.path, getAt(draft, field.path));
      }
      set({ draft: merged, base: conflict.server, version: conflict.version, conflict: null, saveState: 'unsaved' });
      await get().save();
    },

    async submit(idempotencyKey) {
      const { order } = get();
      if (!order) return null;
      await get().flush();
      if (get().saveState !== 'saved') return null;
      try {
        const send = order.status === 'draft' ? submitOrder : resubmitOrder;
        const submitted = await send(order.id, idempotencyKey);
        set({ order: submitted, error: null });
        return submitted;
      } catch (error) {
        if (error instanceof ApiError && error.fields.length > 0) get().setFieldErrors(error.fields);
        set({ error: messageOf(error) });
        return null;
      }
    },
  };
});
