import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { PERSONAL_FIELD_NAMES } from '../crypto/personal-data';

export interface LogStream {
  write(line: string): void;
}

/** Paths never written to logs: credentials, and personal data wherever it appears in a logged object. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.token',
  '*.sessionKey',
  '*.session_key',
  '*.secretKey',
  '*.secretAccessKey',
  '*.code',
  ...[...PERSONAL_FIELD_NAMES].flatMap((key) => [`*.${key}`, `*.*.${key}`]),
];

/** URL parts that are credentials themselves: invitation and access tokens in the path, signatures in the query. */
const SECRET_PATH_SEGMENT = /(\/(?:invitations|access|storage)\/)[^/?]+/g;
const SECRET_QUERY_PARAM = /([?&](?:sig|token|p|access_token)=)[^&]*/g;

/** Query parameters named like personal data (`?mobile=`, `?email=` …), whatever their value. */
const PERSONAL_QUERY_PARAM = new RegExp(`([?&](?:${[...PERSONAL_FIELD_NAMES].join('|')}|name|idNumber)=)[^&]*`, 'gi');
/** A mainland mobile or an ID number anywhere in the URL, under any parameter name or in the path. */
const PERSONAL_NUMBER = /(?<![0-9A-Za-z])(?:1[3-9]\d{9}|\d{17}[\dXx])(?![0-9A-Za-z])/g;

/** The URL as logged: credentials and personal data in its path or query string replaced by [REDACTED]. */
export function redactUrl(url: string): string {
  return url
    .replace(SECRET_PATH_SEGMENT, '$1[REDACTED]')
    .replace(SECRET_QUERY_PARAM, '$1[REDACTED]')
    .replace(PERSONAL_QUERY_PARAM, '$1[REDACTED]')
    .replace(PERSONAL_NUMBER, '[REDACTED]');
}

export function loggerOptions(level: string, stream?: LogStream): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
    },
    ...(stream ? { stream } : {}),
  };
}
