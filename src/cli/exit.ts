/** Exit codes, for cron and CI. */
export const EXIT = {
  /** Everything the command was asked to do was done. */
  ok: 0,
  /** A bad config, template, draft or command line: nothing was done. */
  invalid: 1,
  /** The command ran but some of its work failed (a source, a delivery, a doctor check). */
  partial: 2,
} as const;
