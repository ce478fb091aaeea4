import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { API_ERRORS, API_ERROR_STATUS, type ApiErrorCode, type ErrorBody } from '@beian/shared';
import type { FastifyReply } from 'fastify';
import { AppException } from './app-exception';

/** Fastify's own error codes for bad requests, mapped to ours. */
const FASTIFY_ERRORS: Record<string, ApiErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
};

const HTTP_STATUS_CODES: Record<number, ApiErrorCode> = {
  400: 'MALFORMED_JSON',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

const answer = (code: ApiErrorCode) => ({ status: API_ERROR_STATUS[code], body: { code, message: API_ERRORS[code] } });

export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppException) return { status: error.status, body: error.toBody() };
  const fastifyCode = (error as { code?: unknown })?.code;
  if (typeof fastifyCode === 'string' && FASTIFY_ERRORS[fastifyCode]) return answer(FASTIFY_ERRORS[fastifyCode]);
  if (error instanceof HttpException) {
    const code = HTTP_STATUS_CODES[error.getStatus()];
    if (code) return answer(code);
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return answer(HTTP_STATUS_CODES[status] ?? 'MALFORMED_JSON');
  return answer('INTERNAL');
}

@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = toErrorResponse(error);
    // Expected failures (ours, or a client's bad request) are warnings; anything else is a bug worth a stack.
    if (status >= 500 && !(error instanceof AppException)) this.logger.error(error instanceof Error ? error.stack : String(error));
    else this.logger.warn(`${status} ${body.code}`);
    // A "try again later" answer (SMS limits, a request still in progress) says when, in the header too.
    const retryAfter = body.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number' && retryAfter > 0) void reply.header('retry-after', String(Math.ceil(retryAfter)));
    void reply.status(status).send(body);
  }
}
