/** The bounce samples in fixtures/bounces and the store they belong to: issue 2026-11-23 sent to eight subscribers. */
import { readFileSync, readdirSync } from 'node:fs';
import type { Store } from '../../src/store/index.js';
import { messageIdOf } from '../../src/deliver/message.js';
import { NOW, deliveryConfig } from './builders.js';

export const BOUNCE_DIR = new URL('./fixtures/bounces/', import.meta.url);
export const RETURN_PATH = 'bounce@briefing.example.com';
export const ISSUE = '2026-11-23';

/** Subscriber ids 1–8, in the order the samples' VERP addresses name them. */
export const BOUNCE_SUBSCRIBERS = [
  'jiwoo.park.news@gmail.com', // 1: Gmail, 5.1.1 (hard)
  'hyunwoo_choi@hotmail.com', // 2: Outlook, 5.1.10 (hard)
  'jhyun@corp.hanbit-media.co.kr', // 3: Postfix, 5.1.1 without VERP (hard, by Message-ID); a free-text bounce via VERP
  'yoon.sh@mail.sejong-univ.ac.kr', // 4: Postfix, delayed 4.4.1 (soft)
  'minseo.han@gmail.com', // 5: Gmail, delayed 4.2.2 (soft)
  'haneul.song@yahoo.com', // 6: Yahoo ARF (complaint)
  'juno.bae@outlook.com', // 7: Outlook JMRP ARF, recipient redacted (complaint, by VERP)
  'sora.jung@naver.com', // 8: an auto-reply (unparsed)
];

export function bounceSamples(): Array<{ name: string; raw: Buffer }> {
  return readdirSync(BOUNCE_DIR)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((name) => ({ name, raw: readFileSync(new URL(name, BOUNCE_DIR)) }));
}

/** The subscribers, and the issue recorded as sent to each of them with the Message-ID it carried. */
export function seedBounceStore(store: Store, issueId = ISSUE): void {
  store.subscribers.upsertMany(
    BOUNCE_SUBSCRIBERS.map((email) => ({ email })),
    NOW,
  );
  const delivery = deliveryConfig({ from: '테크 브리핑 <briefing@briefing.example.com>' });
  BOUNCE_SUBSCRIBERS.forEach((email, i) => {
    const id = i + 1;
    store.deliveries.claim(issueId, { id, email }, NOW, messageIdOf(delivery, issueId, email));
    store.deliveries.markSent(issueId, id, messageIdOf(delivery, issueId, email), NOW);
  });
}
