import type { LoggerService, LogLevel } from '@nestjs/common';
import { RequestContext } from '../http/request-context';
import type { LogStream } from './logger-options';

/** Pino's numeric levels, so these lines read like the request log's. */
const LEVEL_NUMBER: Record<LogLevel, number> = { verbose: 10, debug: 20, log: 30, warn: 40, error: 50, fatal: 60 };

/**
 * Nest's own messages (module bootstrap, workers, dead letters) as JSON lines into the stream the request log goes
 * to, when the caller gives one: an embedding or a test then holds every line of the app instead of the console.
 * A line written under a request id (a request, or a job or outbox row it caused) carries it as `reqId`, as the request log does.
 */
export class StreamLogger implements LoggerService {
  constructor(
    private readonly stream: LogStream,
    private readonly levels: readonly LogLevel[],
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.levels.includes(level)) return;
    // Nest passes the context last, and for errors the stack before it.
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const stack = level === 'error' && rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const msg = message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message);
    const reqId = RequestContext.currentId();
    const line = { level: LEVEL_NUMBER[level], time: Date.now(), ...(reqId ? { reqId } : {}), context, msg, ...(stack ? { stack } : {}) };
    this.stream.write(`${JSON.stringify(line)}\n`);
  }
}
