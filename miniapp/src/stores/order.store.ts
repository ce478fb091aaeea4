import { create } from 'zustand';
import type { CreateOrderRequest, FieldError, OrderDetail, VersionConflictDetails } from '@beian/shared';
import { ApiError } from '../services/request';
import { createOrder, getOrder, saveDraft, submitOrder } from '../services/orders.api';
import { readPath, sectionsWithValues, type DraftValues } from '../utils/draft-path.util';

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'conflict';

/** What a form page edits: the draft paths of its inputs, and values it sets without asking. */
export interface DraftForm {
  paths: readonly string[];
  fixedValues: Readonly<DraftValues>;
}

const NO_FORM: DraftForm = { paths: [], fixedValues: {} };

const AUTOSAVE_DELAY_MS = 800;

interface OrderState {
  order: OrderDetail | null;
  loading: boolean;
  /** The last error of a load, create or submit, shown above the form. */
  error: string | null;
  /** The draft fields being edited, keyed by draft path. */
  values: DraftValues;
  /** The whole draft as last loaded, so a save sends complete sections. */
  base: Record<string, unknown>;
  version: number;
  saveState: SaveState;
  savedAt: string | null;
  conflict: VersionConflictDetails | null;
  fieldErrors: Record<string, string>;

  load(id: string, form?: DraftForm): Promise<void>;
  create(request: CreateOrderRequest, idempotencyKey: string, form: DraftForm): Promise<OrderDetail | null>;
  setValue(path: string, value: string): void;
  setFieldErrors(errors: readonly FieldError[], onlyPaths?: readonly string[]): void;
  save(): Promise<void>;
  /** Saves pending changes now instead of waiting for the autosave delay. */
  flush(): Promise<void>;
  takeServerCopy(form: DraftForm): Promise<void>;
  keepMine(): Promise<void>;
  submit(idempotencyKey: string): Promise<OrderDetail | null>;
}

let autosaveTimer: ReturnType<typeof setTimeout> | undefined;
let inFlightSave: Promise<void> | undefined;

function cancelAutosave(): void {
  clearTimeout(autosaveTimer);
  autosaveTimer = undefined;
}

/** Reads the form's paths from the owner's unmasked draft. */
function valuesFromDraft(draft: Record<string, unknown>, { paths, fixedValues }: DraftForm) {
  const values: DraftValues = Object.fromEntries(paths.map((path) => [path, readPath(draft, path) ?? '']));
  const fixedMissing = Object.entries(fixedValues).some(([path, value]) => readPath(draft, path) !== value);
  return {
    values: { ...values, ...fixedValues },
    base: draft,
    saveState: fixedMissing ? ('unsaved' as const) : ('saved' as const),
  };
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '操作失败，请稍后重试';
}

export const useOrderStore = create<OrderState>()((set, get) => {
  function orderLoaded(order: OrderDetail, form: DraftForm) {
    cancelAutosave();
    const fromDraft = valuesFromDraft(order.draft, form);
    set({
      order,
      version: order.version,
      ...fromDraft,
      savedAt: null,
      conflict: null,
      fieldErrors: {},
      error: null,
    });
    if (fromDraft.saveState === 'unsaved') scheduleAutosave();
  }

  function scheduleAutosave() {
    cancelAutosave();
    autosaveTimer = setTimeout(() => void get().save(), AUTOSAVE_DELAY_MS);
  }

  async function runSave(orderId: string) {
    const { values, base, version } = get();
    set({ saveState: 'saving' });
    try {
      const saved = await saveDraft(orderId, { version, draft: sectionsWithValues(base, values) });
      const changedMeanwhile = get().values !== values;
      set({ version: saved.version, savedAt: saved.savedAt, saveState: changedMeanwhile ? 'unsaved' : 'saved' });
      if (changedMeanwhile) scheduleAutosave();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        set({ saveState: 'conflict', conflict: (error.details as VersionConflictDetails | undefined) ?? null });
        return;
      }
      set({ saveState: 'unsaved', error: messageOf(error) });
    }
  }

  return {
    order: null,
    loading: false,
    error: null,
    values: {},
    base: {},
    version: 0,
    saveState: 'saved',
    savedAt: null,
    conflict: null,
    fieldErrors: {},

    async load(id, form = NO_FORM) {
      set({ loading: true, error: null });
      try {
        orderLoaded(await getOrder(id, true), form);
      } catch (error) {
        set({ error: messageOf(error) });
      } finally {
        set({ loading: false });
      }
    },

    async create(body, idempotencyKey, form) {
      set({ loading: true, error: null, order: null });
      try {
        const created = await createOrder(body, idempotencyKey);
        orderLoaded(created, form);
        return created;
      } catch (error) {
        set({ error: messageOf(error) });
        return null;
      } finally {
        set({ loading: false });
      }
    },

    setValue(path, value) {
      const { values, fieldErrors, saveState } = get();
      const { [path]: _cleared, ...otherErrors } = fieldErrors;
      set({
        values: { ...values, [path]: value },
        fieldErrors: otherErrors,
        saveState: saveState === 'conflict' ? 'conflict' : 'unsaved',
      });
      if (saveState !== 'conflict') scheduleAutosave();
    },

    setFieldErrors(errors, onlyPaths) {
      const fieldErrors = onlyPaths
        ? Object.fromEntries(Object.entries(get().fieldErrors).filter(([path]) => !onlyPaths.includes(path)))
        : {};
      for (const { path, message } of errors) {
        if (!onlyPaths || onlyPaths.includes(path)) fieldErrors[path] ??= message;
      }
      set({ fieldErrors });
    },

    async save() {
      cancelAutosave();
      const { order, saveState } = get();
      if (!order || saveState === 'conflict') return;
      if (inFlightSave) {
        // One PATCH at a time: each needs the version the previous one answered.
        await inFlightSave;
        if (get().saveState === 'unsaved') scheduleAutosave();
        return;
      }
      inFlightSave = runSave(order.id);
      try {
        await inFlightSave;
      } finally {
        inFlightSave = undefined;
      }
    },

    async flush() {
      if (inFlightSave) await inFlightSave;
      if (get().saveState === 'unsaved') await get().save();
    },

    async takeServerCopy(form) {
      const { order, conflict } = get();
      if (!order || !conflict) return;
      // The conflict shows the server's copy masked; editing needs it whole.
      orderLoaded(await getOrder(order.id, true), form);
    },

    async keepMine() {
      const { conflict } = get();
      if (!conflict) return;
      set({ version: conflict.version, conflict: null, saveState: 'unsaved' });
      await get().save();
    },

    async submit(idempotencyKey) {
      const { order } = get();
      if (!order) return null;
      await get().flush();
      if (get().saveState !== 'saved') return null;
      try {
        const submitted = await submitOrder(order.id, idempotencyKey);
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
