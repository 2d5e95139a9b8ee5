/**
 * What wakes the service up. node-cron fires on the expression in the timezone; a
 * timer armed on our own next slot covers what node-cron does not fire (a slot moved
 * by a DST gap, or a trigger it dropped because the process was busy). Both only
 * wake the scheduler, which dedupes by slot, so firing twice is harmless.
 */
import { createTask, type ScheduledTask } from 'node-cron';
import type { Clock, Logger } from '../types.js';
import type { RunKind } from '../types.js';
import { nextSlots } from './slots.js';
import type { TriggerSource } from './types.js';

/** Longest single wait: timers are re-armed at least this often (clock jumps, the 24.8-day setTimeout limit). */
const MAX_WAIT_MS = 60_000;

export function cronTriggers(clock: Clock, logger: Logger): TriggerSource {
  const tasks: ScheduledTask[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const cronLogger = {
    info: () => {},
    debug: () => {},
    warn: (message: string) => logger.warn('cron', { message }),
    error: (message: string | Error) => logger.warn('cron', { message: String(message) }),
  };

  /** Arm a timer for the first slot after `after`; fire it, never early, then arm the next. */
  const arm = (expr: string, tz: string, fire: (hint?: Date) => void, after: Date): void => {
    if (stopped) return;
    const [target] = nextSlots(expr, tz, after, 1);
    if (!target) return;
    const wait = (): void => {
      if (stopped) return;
      const now = clock.now();
      const left = target.getTime() - now.getTime();
      if (left > 0) {
        const t = setTimeout(
          () => {
            timers.delete(t);
            wait();
          },
          Math.min(left, MAX_WAIT_MS),
        );
        timers.add(t);
        return;
      }
      fire(target);
      // Woken late: the latest slot may be a later one. Older ones in between are not fired.
      const late = now.getTime() > target.getTime();
      if (late) fire();
      arm(expr, tz, fire, late ? now : target);
    };
    wait();
  };

  return {
    start(kind: RunKind, expr: string, tz: string, fire: (hint?: Date) => void): void {
      const task = createTask(expr, (ctx) => fire(ctx.date), {
        timezone: tz,
        name: `briefing-${kind}`,
        logger: cronLogger,
        suppressMissedWarning: true,
      });
      void task.start();
      tasks.push(task);
      arm(expr, tz, fire, clock.now());
    },
    stop(): void {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const task of tasks.splice(0)) void task.destroy();
    },
  };
}

/** Triggers that never fire: the caller drives the scheduler with `fire`. */
export const manualTriggers: TriggerSource = { start() {}, stop() {} };
