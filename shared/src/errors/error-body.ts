/** The one error body every endpoint answers with. */
export interface FieldError {
  /** Dotted path into the request body, e.g. `subject.idNumber` or `websites.0.domain`. */
  path: string;
  code: string;
  message: string;
  /** Where the rule comes from (guide, standard, DOMAIN.md section), shown with the message. */
  source?: string;
}

export interface ErrorBody {
  code: string;
  message: string;
  fields?: FieldError[];
  /** Extra machine-readable data for some codes, e.g. the server's copy on VERSION_CONFLICT. */
  details?: Record<string, unknown>;
}
