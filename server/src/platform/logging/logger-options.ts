import type { FastifyServerOptions } from 'fastify';
export interface LogStream {
  write(line: string): void;
}
import { PERSONAL_DATA_KEYS } from '../crypto/personal-data';

/** Paths never written to logs: credentials, and personal data wherever it appears in a logged object. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.token',
  '*.sessionKey',
  '*.session_key',
  '*.code',
  ...[...PERSONAL_DATA_KEYS].flatMap((key) => [`*.${key}`, `*.*.${key}`]),
];

export function loggerOptions(level: string, stream?: LogStream): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return { level, redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' }, ...(stream ? { stream } : {}) };
}
