import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, fixedClock, silentLogger, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { runOnce, type RunOutcome } from '../../src/pipeline.js';
import { startSmtpServer, type TestSmtpServer } from '../deliver/smtp-test-server.js';
import { SAMPLE_AS_OF, sampleConfig } from './helpers.js';

/** The [n] numbers of a plain-text part, in order. */
function numbers(text: string): number[] {
  return [...text.matchAll(/^\[(\d+)\]/gm)].map((m) => Number(m[1]));
}

describe('subscribers with different interests, over SMTP to a server on 127.0.0.1', () => {
  let app: App;
  let server: TestSmtpServer;
  let out: RunOutcome;
  const mail = new Map<string, ParsedMail>();

  beforeAll(async () => {
    server = await startSmtpServer();
    const interests = [
      'interests:',
      '  - { id: ai, label: AI, match: [인공지능, LLM, 생성형] }',
      '  - { id: markets, label: 증시, match: [코스피, 증시, 기준금리, 환율], categories: [증시, 외환] }',
      '  - { id: sports, label: 스포츠, match: [프로야구, 월드컵] }',
      'delivery:',
      '  transport: smtp',
      '  from: "테크 브리핑 <briefing@example.com>"',
      `  smtp: { host: 127.0.0.1, port: ${server.port}, secure: false, pool: false, retries: 0 }`,
      'subscribers: subscribers.csv',
    ].join('\n');
    const { dir, file } = sampleConfig([], interests);
    writeFileSync(
      join(dir, 'subscribers.csv'),
      [
        'email,name,interests',
        'kim.ai@example.org,김지능,AI',
        'lee.market@example.org,이증시,markets',
        'park.sports@example.org,박야구,sports',
        'choi.all@example.org,최전체,',
      ].join('\n'),
    );
    app = createApp(loadConfig(file), { clock: fixedClock(SAMPLE_AS_OF), logger: silentLogger });
    out = await runOnce(app);
    for (const m of server.received) mail.set(m.to[0] ?? '', await simpleParser(m.raw));
  });
  afterAll(async () => {
    app.close();
    await server.close();
  });

  it('sends one message to each subscriber', () => {
    expect(out.sent).toMatchObject({ sent: 4, failed: 0, uncertain: 0 });
    expect([...mail.keys()].sort()).toEqual([
      'choi.all@example.org',
      'kim.ai@example.org',
      'lee.market@example.org',
      'park.sports@example.org',
    ]);
  });

  it('gives each reader only the stories of their interests, numbered [1]…[n] without gaps', () => {
    const draft = out.issue?.draft;
    if (!draft) throw new Error('no issue');
    const whole = draft.stories.length + draft.headlines.length;
    for (const [email, id] of [
      ['kim.ai@example.org', 'ai'],
      ['lee.market@example.org', 'markets'],
    ] as const) {
      const m = mail.get(email);
      const text = m?.text ?? '';
      const parts = [...draft.stories, ...draft.headlines].filter((p) => p.interests?.includes(id));
      expect(parts.length, `${id} stories`).toBeGreaterThan(0);
      expect(parts.length).toBeLessThan(whole);
      expect(numbers(text), email).toEqual(parts.map((_, i) => i + 1));
      // The title follows the reader's first story; every part of theirs is in it, no other.
      const first = parts[0];
      const top = first && 'headline' in first ? first.headline : (first?.text ?? '');
      expect(m?.subject).toBe(`[브리핑] ${top}`);
      for (const p of [...draft.stories, ...draft.headlines]) {
        const line = 'headline' in p ? p.headline : p.text;
        expect(text.includes(line), `${email}: ${line}`).toBe(p.interests?.includes(id) === true);
      }
      expect(m?.html).toContain(top);
    }
    expect(mail.get('kim.ai@example.org')?.text).not.toBe(mail.get('lee.market@example.org')?.text);
  });

  it('gives a reader whose interests have no story the whole issue and a one-line note', () => {
    const draft = out.issue?.draft;
    const whole = (draft?.stories.length ?? 0) + (draft?.headlines.length ?? 0);
    const park = mail.get('park.sports@example.org');
    expect(numbers(park?.text ?? '')).toEqual(Array.from({ length: whole }, (_, i) => i + 1));
    expect(park?.text).toContain('이번 호에는 고르신 관심사의 소식이 없어 전체 브리핑을 보내 드려요.');
    expect(park?.html).toContain('고르신 관심사의 소식이 없어');
    expect(park?.subject).toBe(draft?.subject);
  });

  it('gives a reader without interests the whole issue without the note', () => {
    const choi = mail.get('choi.all@example.org');
    expect(choi?.subject).toBe(out.issue?.draft.subject);
    expect(choi?.text).not.toContain('고르신 관심사');
    expect(numbers(choi?.text ?? '')).toEqual(numbers(mail.get('park.sports@example.org')?.text ?? ''));
  });
});
