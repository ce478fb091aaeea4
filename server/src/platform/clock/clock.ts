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

/** A clock that tests and demos may move forward. */
export function isAdvanceable(clock: Clock): clock is Clock & { advance(ms: number): void | Promise<void> } {
  return 'advance' in clock && typeof clock.advance === 'function';
}
