/** The one error body every endpoint answers with. */
export interface FieldError {
  /** Dotted path into the request body, e.g. `subject.idNumber` or `websites.0.domain`. */
  path: string;
  code: string;
  message: string;
}

export interface ErrorBody {
  code: string;
  message: string;
  fields?: FieldError[];
  /** Extra machine-readable data for some codes, e.g. the server's copy on VERSION_CONFLICT. */
  details?: Record<string, unknown>;
}
