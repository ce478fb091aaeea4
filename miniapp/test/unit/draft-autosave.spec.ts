import { DraftAutosaveScheduler } from '../../src/stores/draft-autosave.scheduler';

const TIMING = { delayMs: 800, retryDelaysMs: [2000, 5000] };

function scheduler() {
  const save = jest.fn(() => Promise.resolve());
  return { save, autosave: new DraftAutosaveScheduler(save, TIMING) };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('DraftAutosaveScheduler', () => {
  it('should save once after the quiet delay when edits keep coming', () => {
    const { save, autosave } = scheduler();

    autosave.schedule();
    jest.advanceTimersByTime(500);
    autosave.schedule();
    jest.advanceTimersByTime(799);
    expect(save).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);

    expect(save).toHaveBeenCalledTimes(1);
  });

  it('should keep a section pending when it was edited again while its save was in flight', () => {
    const { autosave } = scheduler();
    autosave.markDirty(['subject', 'websites']);

    const sent = autosave.snapshot();
    autosave.markDirty(['subject']);
    autosave.saved(sent);

    expect(autosave.pendingSections()).toEqual(['subject']);
  });

  it('should back off after failures in a row and start over after a success', () => {
    const { save, autosave } = scheduler();
    const waitBeforeSave = () => {
      const before = save.mock.calls.length;
      for (let waited = 0; waited <= 60_000; waited += 100) {
        if (save.mock.calls.length > before) return waited;
        jest.advanceTimersByTime(100);
      }
      return Infinity;
    };

    autosave.failed();
    expect(waitBeforeSave()).toBe(2000);
    autosave.failed();
    expect(waitBeforeSave()).toBe(5000);
    autosave.failed();
    expect(waitBeforeSave()).toBe(5000);
    autosave.saved({});
    autosave.failed();
    expect(waitBeforeSave()).toBe(2000);
  });

  it('should run one save at a time and schedule another when changes are left', async () => {
    const { save, autosave } = scheduler();
    let finish = () => {};
    const first = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const second = jest.fn(() => Promise.resolve());

    const running = autosave.runExclusive(first);
    autosave.markDirty(['subject']);
    const waiting = autosave.runExclusive(second);
    finish();
    await Promise.all([running, waiting]);

    expect(second).not.toHaveBeenCalled();
    jest.advanceTimersByTime(800);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('should forget pending sections and the timer when discarded', () => {
    const { save, autosave } = scheduler();
    autosave.markDirty(['subject']);
    autosave.schedule();

    autosave.discard();
    jest.advanceTimersByTime(10_000);

    expect(autosave.hasPending()).toBe(false);
    expect(save).not.toHaveBeenCalled();
  });
});
