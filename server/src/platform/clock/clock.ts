/** The clock port: services never call `new Date()` themselves, so tests and demos can move time. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export class ControllableClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  set(date: Date): void {
    this.current = new Date(date);
  }
}

/** Real time plus an offset that only grows: `CLOCK=controllable` demos fast-forward without freezing time. */
export class OffsetClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** A clock that tests and demos may move forward. */
export function isAdvanceable(clock: Clock): clock is Clock & { advance(ms: number): void } {
  return clock instanceof ControllableClock || clock instanceof OffsetClock;
}
