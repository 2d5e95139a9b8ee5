/**
 * The one error class the project raises. Every error carries a code from the
 * catalogue below, a one-line message that says what and where, and a hint that
 * says how to fix it.
 */
export type ErrorCode =
  | 'ECONFIG' // configuration file missing or invalid
  | 'EFEED' // a feed could not be fetched or parsed
  | 'ESTORE' // the data folder or database
  | 'ETEMPLATE' // a template failed to compile or render
  | 'EDRAFT' // an edited draft is invalid
  | 'ESEND' // delivery
  | 'ELOCK' // another process holds a lock
  | 'EUSAGE' // a command was called wrongly
  | 'ESUBSCRIBER' // subscriber list input
  | 'ENOTFOUND'; // an issue, draft or file that does not exist

export class BriefingError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BriefingError';
    this.code = code;
    this.hint = hint;
  }

  /** One line for the terminal: `message. Fix: hint` */
  toLine(): string {
    return this.hint ? `${this.message} — ${this.hint}` : this.message;
  }
}

export function isBriefingError(e: unknown): e is BriefingError {
  return e instanceof BriefingError;
}

/** A short reason from anything thrown. */
export function reasonOf(e: unknown): string {
  if (e instanceof BriefingError) return e.toLine();
  if (e instanceof Error) return e.message.split('\n')[0] ?? e.name;
  return String(e);
}
