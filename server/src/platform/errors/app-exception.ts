import { API_ERRORS, API_ERROR_STATUS, type ApiErrorCode, type ErrorBody, type FieldError } from '@beian/shared';

/** An expected failure with a code from @beian/shared; the filter turns it into the one error body. */
export class AppException extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    readonly fields?: FieldError[],
    readonly details?: Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? API_ERRORS[code]);
    this.status = API_ERROR_STATUS[code];
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields?.length ? { fields: this.fields } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }

  static validation(fields: FieldError[]): AppException {
    return new AppException('VALIDATION_FAILED', fields);
  }
}
