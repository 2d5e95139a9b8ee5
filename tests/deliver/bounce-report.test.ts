import { describe, expect, it } from 'vitest';
import {
  classifyReport,
  parseVerpAddress,
  readMailboxMessage,
  verpAddress,
  type BounceFinding,
} from '../../src/deliver/index.js';
import { SECRET } from './builders.js';
import { RETURN_PATH, bounceSamples } from './bounce-fixtures.js';

const ctx = { returnPath: RETURN_PATH, secret: SECRET };

async function classify(raw: Buffer | string): Promise<BounceFinding> {
  const msg = await readMailboxMessage(Buffer.isBuffer(raw) ? raw : Buffer.from(raw.replace(/\n/g, '\r\n')));
  if (!msg) throw new Error('unreadable');
  return classifyReport(msg, ctx);
}

describe('VERP return paths', () => {
  it('names the delivery, survives a lower-casing mail system, and refuses a forged or foreign address', () => {
    const a = verpAddress(RETURN_PATH, { issueId: '2026-11-23', subscriberId: 4821 }, SECRET);
    expect(a).toMatch(/^bounce\+2026-11-23\.3px\.[0-9a-f]{12}@briefing\.example\.com$/);
    expect(parseVerpAddress(a, RETURN_PATH, SECRET)).toEqual({ issueId: '2026-11-23', subscriberId: 4821 });
    expect(parseVerpAddress(a.toUpperCase(), RETURN_PATH, SECRET)).toEqual({
      issueId: '2026-11-23',
      subscriberId: 4821,
    });
    // Another subscriber id with the same MAC, another secret, another domain: not ours.
    expect(parseVerpAddress(a.replace('.3px.', '.3py.'), RETURN_PATH, SECRET)).toBeUndefined();
    expect(parseVerpAddress(a, RETURN_PATH, 'another-secret-0123456789')).toBeUndefined();
    expect(parseVerpAddress(a.replace('briefing.example.com', 'example.net'), RETURN_PATH, SECRET)).toBeUndefined();
    // An issue id that is not a plain date is carried hex-encoded.
    const b = verpAddress(RETURN_PATH, { issueId: '2026-11-23-아침', subscriberId: 7 }, SECRET);
    expect(b.split('@')[0]?.length).toBeLessThanOrEqual(64);
    expect(parseVerpAddress(b, RETURN_PATH, SECRET)).toEqual({ issueId: '2026-11-23-아침', subscriberId: 7 });
  });
});

describe('what a message in the bounce mailbox says', () => {
  it('reads the Gmail-, Outlook- and Postfix-style DSNs and the Yahoo and Microsoft ARF reports', async () => {
    const found = new Map<string, BounceFinding>();
    for (const s of bounceSamples()) found.set(s.name, await classify(s.raw));
    const brief = (name: string) => {
      const f = found.get(name);
      if (!f || f.kind === 'none' || f.kind === 'unparsed') return f?.kind;
      return [f.kind, f.status, f.delivery?.subscriberId ?? null, f.email ?? null];
    };
    expect(brief('gmail-hard-5.1.1.eml')).toEqual(['hard', '5.1.1', 1, 'jiwoo.park.news@gmail.com']);
    expect(brief('outlook-hard-5.1.10.eml')).toEqual(['hard', '5.1.10', 2, 'hyunwoo_choi@hotmail.com']);
    expect(brief('postfix-hard-no-verp.eml')).toEqual(['hard', '5.1.1', null, 'jhyun@corp.hanbit-media.co.kr']);
    expect(brief('postfix-delayed-4.4.1.eml')).toEqual(['soft', '4.4.1', 4, 'yoon.sh@mail.sejong-univ.ac.kr']);
    expect(brief('gmail-soft-4.2.2.eml')).toEqual(['soft', '4.2.2', 5, 'minseo.han@gmail.com']);
    expect(brief('yahoo-arf-abuse.eml')).toEqual(['complaint', 'abuse', 6, 'haneul.song@yahoo.com']);
    expect(brief('outlook-jmrp-arf.eml')).toEqual(['complaint', 'abuse', 7, 'redacted@outlook.com']);
    expect(brief('naver-auto-reply.eml')).toBe('unparsed');
    expect(brief('freetext-bounce.eml')).toBe('unparsed');
    // Without VERP the original Message-ID is what names the delivery.
    const postfix = found.get('postfix-hard-no-verp.eml');
    expect(postfix?.kind === 'hard' && postfix.originalMessageId).toBe(
      '<2026-11-23.610e46eeec456545e804@briefing.example.com>',
    );
    const gmail = found.get('gmail-hard-5.1.1.eml');
    expect(gmail?.kind === 'hard' && gmail.detail).toMatch(
      /^failed 5\.1\.1: 550-5\.1\.1 The email account .* does not exist/,
    );
  });

  it('reads a DSN written differently from the samples: other field case, folding, comments, several recipients', async () => {
    // A Kakao-style report: upper-case field names, a comment after the status, the first
    // recipient delivered and the second failed, a basic 550 without an enhanced code in the diagnostic.
    const dsn = `Return-Path: <>
Delivered-To: ${verpAddress(RETURN_PATH, { issueId: '2026-11-30', subscriberId: 12 }, SECRET)}
From: "Mail Delivery System" <mailer-daemon@kakao.com>
To: ${verpAddress(RETURN_PATH, { issueId: '2026-11-30', subscriberId: 12 }, SECRET)}
Subject: =?UTF-8?B?66mU7J28IOuwnOyGoSDsi6TtjKg=?=
Message-ID: <bounce-77125@mx.kakao.com>
MIME-Version: 1.0
Content-Type: multipart/report; report-type="delivery-status"; boundary="kakao-b-1"

--kakao-b-1
Content-Type: text/plain; charset=utf-8

받는 사람의 주소를 찾을 수 없습니다.

--kakao-b-1
Content-Type: message/delivery-status

REPORTING-MTA: dns;mx.kakao.com

FINAL-RECIPIENT: rfc822;someone.else@kakao.com
ACTION: delivered
STATUS: 2.0.0

FINAL-RECIPIENT: RFC822; <Dohyun.Lim@Kakao.com>
ACTION: failed (permanent)
STATUS: 5.2.1 (mailbox disabled)
DIAGNOSTIC-CODE: smtp;
  550 mailbox unavailable

--kakao-b-1--
`;
    const f = await classify(dsn);
    expect(f).toMatchObject({
      kind: 'hard',
      status: '5.2.1',
      email: 'dohyun.lim@kakao.com',
      delivery: { issueId: '2026-11-30', subscriberId: 12 },
    });
  });

  it('counts a policy refusal (5.7.x) as soft, a "delivered" report as no bounce, and an ARF "not-spam" as no complaint', async () => {
    const report = (
      fields: string,
      type = 'delivery-status',
      part = 'message/delivery-status',
    ) => `From: postmaster@example.net
To: ${RETURN_PATH}
Subject: report
Message-ID: <r${Math.random()}@example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=${type}; boundary="b"

--b
Content-Type: ${part}

${fields}
--b--
`;
    expect(
      await classify(
        report(
          'Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.7.1\n',
        ),
      ),
    ).toMatchObject({ kind: 'soft', status: '5.7.1' });
    expect(
      await classify(
        report(
          'Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; a@example.net\nAction: delivered\nStatus: 2.0.0\n',
        ),
      ),
    ).toMatchObject({ kind: 'none' });
    expect(
      await classify(report('Feedback-Type: not-spam\nVersion: 1\n', 'feedback-report', 'message/feedback-report')),
    ).toMatchObject({ kind: 'none' });
    expect(await classify(report('Version: 1\n', 'feedback-report', 'message/feedback-report'))).toMatchObject({
      kind: 'unparsed',
    });
    expect(await classify('this is not a mail message at all')).toMatchObject({ kind: 'unparsed' });
  });
});
