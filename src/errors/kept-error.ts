// Typed, catalogued errors: every failure a user can cause has a stable code and an HTTP
// status, and says what was wrong and where (field, line, header).

export const ERROR_CATALOGUE = {
  'request.invalid': 400,
  'request.malformed_json': 400,
  'request.invalid_encoding': 400,
  // NUL or an unpaired surrogate, which the store cannot keep (src/http/request-text.ts).
  'request.invalid_text': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  // A foreign-key violation that got past the operations' own checks (src/http/error-handler.ts).
  'request.unknown_reference': 422,
  'request.still_referenced': 409,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.forbidden': 403,
  // A change sent by a browser from another site (src/http/same-origin.ts).
  'auth.cross_origin': 403,
  'auth.rate_limited': 429,
  'portal.invalid_link': 401,
  'setup.already_done': 409,
  not_found: 404,
  'user.email_taken': 409,
  'case.invalid_transition': 409,
  'case.handoff_invalid': 422,
  'case.no_owner_available': 409,
  'promise.not_open': 409,
  'supervisor.no_suspicion': 409,
  'promise.due_in_past': 422,
  'promise.over_promise': 422,
  'escalation.not_answered': 409,
  'escalation.not_open': 409,
  'escalation.supervisor_only': 403,
  'import.invalid_row': 422,
  'email.mailbox_unreachable': 422,
  'store.locked': 503,
  'store.unavailable': 503,
  'email.address_taken': 409,
  'email.invalid_address': 422,
  // Passwords for mailboxes and relays are stored sealed (src/secrets/sealed-credential.ts).
  'secret.not_configured': 409,
  'secret.unreadable': 409,
  'team.name_taken': 409,
  // Issue 16: a customer's address is unique per workspace (customers_workspace_email_key).
  'customer.email_taken': 409,
  'team.not_empty': 409,
  // A route's answer did not fit its declared response schema (src/http/error-handler.ts): logged, never sent.
  'internal.response_shape': 500,
  // K12: unmarking a case that is not a complaint.
  'complaint.not_marked': 409,
  // Surveys (issue 15): a link to a survey that was held back by a throttling rule, never sent.
  'survey.not_sent': 409,
  // The same survey (or its case) changed between an answer's read and its write, five times running.
  'survey.busy': 409,
  // Issue 17: cancelling an import that has already finished (done, failed or cancelled).
  'import.finished': 409,
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface ErrorLocation {
  field?: string;
  line?: number;
  header?: string;
}

export class KeptError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly location: ErrorLocation;

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = 'KeptError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code];
    this.location = location;
  }

  toJSON(): { error: { code: string; message: string } & ErrorLocation } {
    return { error: { code: this.code, message: this.message, ...this.location } };
  }
}

/** A refusal the client may retry after a while: the error handler sends Retry-After. */
export class RetryLaterError extends KeptError {
  readonly retryAfterSeconds: number;

  constructor(code: ErrorCode, message: string, retryAfterSeconds: number) {
    super(code, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** 404; `location` names the field when the id came in the body or query, not the path. */
export function notFound(what: string, location: ErrorLocation = {}): KeptError {
  return new KeptError('not_found', `${what} was not found`, location);
}
