/** schedule: slot math (pure), the scheduler service, and the status `doctor` shows. */
export { parseCron, type CronFields } from './cron.js';
export { nextSlots, previousSlot, slotKey, slotNote, upcomingSlots, nextSlotTime, type SlotTime } from './slots.js';
export { formatLocal, formatOffset, offsetAt, wallAt } from './zone.js';
export {
  DEFAULT_CATCH_UP_GRACE_MS,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  DEFAULT_STALE_AFTER_MS,
  dueSlot,
  planStartup,
  type StartupAction,
} from './plan.js';
export { describeHolder, pidAlive, processIdentity, SCHEDULER_LOCK, staleReason } from './lock.js';
export { Scheduler, type StartReport, type StopReport } from './scheduler.js';
export { cronTriggers, manualTriggers } from './triggers.js';
export { scheduleStatus, slotViews, type ScheduleStatus, type SlotView } from './status.js';
export { formatRun, formatScheduleStatus, formatSlotLines } from './format.js';
export type * from './slot-store.js';
export type * from './types.js';
