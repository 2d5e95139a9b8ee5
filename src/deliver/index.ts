/** deliver: build messages, send them through a transport, keep the ledger. */
export {
  addressOf,
  buildMessage,
  domainOf,
  formatAddress,
  listUnsubscribeHeaders,
  messageIdFor,
  oneLine,
  type BuildMessageArgs,
} from './message.js';
export { buildEml, composeEml, signDkim, DKIM_HEADER_FIELDS, type DkimKey } from './eml.js';
export { MimeTemplate, type MessageHead } from './mime-template.js';
export {
  signUnsubscribeToken,
  verifyUnsubscribeToken,
  signAddressToken,
  verifyAddressToken,
  preferencesUrl,
  type AddressTokenPurpose,
  unsubscribeUrl,
  recipientFor,
  previewRecipient,
  type RecipientContext,
} from './unsubscribe-token.js';
export { resolveUnsubscribeSecret } from './secret.js';
export { normalizeEmail } from './address.js';
export {
  parseCsv,
  parseSubscribersCsv,
  splitTopics,
  type SubscriberInput,
  type ParsedSubscribers,
} from './subscribers-csv.js';
export type {
  BounceBook,
  DeliveryLedger,
  DeliveryPhase,
  DeliveryRow,
  DeliveryStatus,
  SubscriberSource,
  SuppressionReason,
} from './ports.js';
export {
  TransportError,
  isTransportError,
  type FailureKind,
  type SendPhase,
  type SendResult,
  type Transport,
} from './transport.js';
export { createTransport, dkimKeyFrom, smtpPassword } from './create-transport.js';
export { OutboxTransport, emlFileName } from './outbox-transport.js';
export { SmtpTransport, type SmtpTransportOptions } from './smtp-transport.js';
export { classifySmtpFailure, isHardBounce } from './smtp-errors.js';
export {
  deliverIssue,
  sendTest,
  type DeliverDeps,
  type DeliverOptions,
  type DeliverSummary,
  type Personalize,
  type SendTestDeps,
} from './deliver.js';
export { escapeHtml } from './unsubscribe-page.js';
export { probeSmtp, type SmtpProbe, type SmtpProbeResult } from './probe.js';
export { verpAddress, parseVerpAddress, type VerpDelivery } from './verp.js';
export {
  classifyReport,
  fieldGroups,
  type BounceFinding,
  type MailboxMessage,
  type MailboxPart,
  type ReportContext,
} from './bounce-report.js';
export {
  createBounceMailbox,
  ImapMailbox,
  MaildirMailbox,
  readMailboxMessage,
  type BounceMailbox,
  type MailboxEntry,
} from './bounce-mailbox.js';
export { processBounces, type BounceDeps, type BounceSummary } from './bounces.js';
