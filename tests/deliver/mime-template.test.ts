import { createHash, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { buildEml, buildMessage, composeEml, MimeTemplate } from '../../src/deliver/index.js';
import { templateFor } from '../../src/deliver/eml.js';
import { writeWrappedBase64, wrappedBase64Length } from '../../src/deliver/mime-template.js';
import type { OutgoingMessage } from '../../src/types.js';
import { NOW, deliveryConfig, headerLine, personalize, recipient, renderedIssue } from './builders.js';

/** Names a subscriber list really holds, and some it should never be able to abuse. */
const TRICKY_NAMES = [
  '김철수',
  '김 "철수"',
  'Lee, Min-ho',
  '"따옴표"로 감싼, 이름',
  'back\\slash "q"',
  '박\r\nBcc: victim@evil.example',
  '최\nX-Injected: 1',
  '=?UTF-8?B?7J2066aE?=',
  'Ünïcödé, 名前 <x@y.z>',
  '아주 긴 이름 '.repeat(12),
  'Plain Name',
  '',
];

function issueWith(subject: string): ReturnType<typeof renderedIssue> {
  const para = '삼성전자가 6세대 고대역폭메모리 HBM4의 양산에 들어갔다. 왜 중요하냐면… ';
  return renderedIssue({
    subject,
    html: `<html><body>${`<p style="font-family:sans-serif">${para}</p>`.repeat(40)}<p>{{name}}님</p><a href="{{unsubscribe}}">수신 거부</a></body></html>`,
    text: `${para.repeat(20)}\n.leading dot\n{{name}}님 · 수신 거부: {{unsubscribe}}\n`,
  });
}

function messageTo(
  name: string,
  subject = '[브리핑] 삼성전자, "HBM4" 양산\r\nBcc: x@evil.example — 엔비디아 공급 본격화 그리고 더 긴 제목',
): OutgoingMessage {
  const issue = issueWith(subject);
  const r = recipient({
    name,
    email: 'reader@example.org',
    unsubscribeUrl: 'https://news.example.com/unsubscribe?t=abc.def',
  });
  return buildMessage({
    config: deliveryConfig({ replyTo: '편집부, "데스크" <desk@example.com>' }),
    issue,
    recipient: r,
    now: NOW,
    body: personalize(issue, r),
  });
}

function boundaryOf(raw: Buffer): string {
  const m = /boundary="([^"]+)"/.exec(raw.toString('latin1'));
  if (!m?.[1]) throw new Error('no boundary');
  return m[1];
}

function firstAddress(a: AddressObject | AddressObject[] | undefined): unknown {
  return (Array.isArray(a) ? a[0] : a)?.value;
}

/** Everything a mail client reads from a message, boundary left out. */
function readable(p: ParsedMail): Record<string, unknown> {
  return {
    subject: p.subject,
    from: firstAddress(p.from),
    to: firstAddress(p.to),
    replyTo: p.replyTo?.value,
    messageId: p.messageId,
    date: p.date?.toISOString(),
    text: p.text,
    html: p.html,
    headerKeys: p.headerLines.map((h) => h.key),
    listUnsubscribe: headerLine(p, 'List-Unsubscribe'),
    listUnsubscribePost: headerLine(p, 'List-Unsubscribe-Post'),
    contentType: (p.headers.get('content-type') as { value?: string } | undefined)?.value,
  };
}

describe('the per-issue MIME template', () => {
  it('writes messages that read back exactly like MailComposer’s for a Korean issue and tricky names', async () => {
    for (const name of TRICKY_NAMES) {
      const msg = messageTo(name);
      const fast = await simpleParser(await buildEml(msg));
      const reference = await simpleParser(await composeEml(msg));
      expect(readable(fast), JSON.stringify(name)).toEqual(readable(reference));
      for (const h of ['bcc', 'cc', 'x-injected'])
        expect(fast.headers.has(h), `${JSON.stringify(name)}: ${h}`).toBe(false);
    }
    const p = await simpleParser(await buildEml(messageTo('김 "철수", 주니어')));
    expect(firstAddress(p.to)).toEqual([{ address: 'reader@example.org', name: '김 "철수", 주니어' }]);
    expect(p.subject).toBe(
      '[브리핑] 삼성전자, "HBM4" 양산 Bcc: x@evil.example — 엔비디아 공급 본격화 그리고 더 긴 제목',
    );
    expect(p.text).toContain('\n.leading dot\n');
  });

  it('writes the same bytes as MailComposer apart from the boundary when both parts are Korean', async () => {
    for (const name of TRICKY_NAMES) {
      const msg = messageTo(name);
      const fast = await buildEml(msg);
      const reference = await composeEml(msg);
      const plain = (raw: Buffer): string => raw.toString('latin1').split(boundaryOf(raw)).join('BOUNDARY');
      expect(plain(fast), JSON.stringify(name)).toBe(plain(reference));
    }
  });

  it('reads back like MailComposer’s when the text part is plain ASCII (base64 here, 7bit there)', async () => {
    const issue = renderedIssue({
      subject: 'Weekly briefing: chips, "AI" & more',
      text: 'Hello {{name}},\n.\nbye\n',
      html: '<p>Hello {{name}}</p>',
    });
    const r = recipient({ name: 'Kim, Jr.' });
    const msg = buildMessage({ config: deliveryConfig(), issue, recipient: r, now: NOW, body: personalize(issue, r) });
    const fast = await simpleParser(await buildEml(msg));
    expect(readable(fast)).toEqual(readable(await simpleParser(await composeEml(msg))));
    expect(fast.text).toBe('Hello Kim, Jr.,\n.\nbye\n');
  });

  it('keeps every line 7-bit, CRLF-ended and at most 78 characters except the list headers, which stay whole', async () => {
    const raw = (await buildEml(messageTo('아주 긴 이름 '.repeat(12)))).toString('latin1');
    expect(raw).not.toMatch(/[^\x00-\x7f]/);
    expect(raw).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    expect(raw.endsWith('--\r\n')).toBe(true);
    const long = raw.split('\r\n').filter((l) => l.length > 78);
    expect(long.every((l) => l.startsWith('List-Unsubscribe:'))).toBe(true);
  });

  it('drops extra headers that would name a header of its own, or break a line', async () => {
    const msg = messageTo('김철수');
    msg.headers = {
      ...msg.headers,
      Subject: 'spoofed',
      bcc: 'victim@evil.example',
      'X-Ok': 'yes\r\nX-Injected: 1',
      'X-Korean': '한글',
    };
    const raw = await buildEml(msg);
    const p = await simpleParser(raw);
    expect(p.subject).toBe(messageTo('김철수').subject);
    expect(p.headers.has('bcc')).toBe(false);
    expect(p.headers.has('x-injected')).toBe(false);
    expect(p.headers.has('x-korean')).toBe(false);
    expect(p.headers.get('x-ok')).toBe('yes X-Injected: 1');
    expect(raw.toString('latin1').match(/^Subject:/gm)).toHaveLength(1);
  });

  it('builds the template once per issue and a new one when the subject changes', async () => {
    const a = messageTo('김철수', '[브리핑] 첫째 호');
    const b = messageTo('이영희', '[브리핑] 첫째 호');
    const c = messageTo('김철수', '[브리핑] 둘째 호');
    expect(templateFor(b)).toBe(templateFor(a));
    expect(templateFor(c)).not.toBe(templateFor(a));
    // Messages of two issues built in turn each carry their own subject.
    for (const m of [a, c, b, c, a]) expect((await simpleParser(await buildEml(m))).subject).toBe(m.subject);
  });

  it('gives each issue a boundary that no line of base64 can contain', () => {
    const t = new MimeTemplate({ from: 'a@example.com', subject: 's' });
    expect(t.boundary).toMatch(/^--_[A-Za-z]+-[0-9a-f]{16}-[A-Za-z]+$/);
    expect(`--${t.boundary}`).not.toMatch(/^[A-Za-z0-9+/=]*$/);
  });

  it('writes base64 wrapped at 76 columns that decodes to the same bytes, for every length', () => {
    const bytes = createHash('sha512').update('seed').digest();
    const src = Buffer.concat(
      Array.from({ length: 8 }, (_, i) => createHash('sha512').update(bytes).update(String(i)).digest()),
    );
    for (let n = 0; n <= src.length; n++) {
      const out = Buffer.alloc(wrappedBase64Length(n) + 4, 0x21);
      const end = writeWrappedBase64(src, 0, n, out, 2);
      expect(end - 2).toBe(wrappedBase64Length(n));
      const text = out.toString('latin1', 2, end);
      const lines = text === '' ? [] : text.split('\r\n');
      expect(lines.every((l, i) => (i < lines.length - 1 ? l.length === 76 : l.length > 0 && l.length <= 76))).toBe(
        true,
      );
      expect(Buffer.from(text.replace(/\r\n/g, ''), 'base64').equals(src.subarray(0, n))).toBe(true);
      expect([out[0], out[1], out[end], out[end + 1]]).toEqual([0x21, 0x21, 0x21, 0x21]);
    }
  });
});

/** relaxed/relaxed DKIM verification (RFC 6376 §3.4.2, §3.4.4, §3.7) of one signature. */
function verifyDkim(
  raw: Buffer,
  publicKey: KeyObject,
): { bodyHashOk: boolean; signatureOk: boolean; signed: string[] } {
  const text = raw.toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split + 2);
  const body = text.slice(split + 4);
  const fields = head.split(/\r\n(?![ \t])/).filter(Boolean);
  const nameOf = (f: string): string => f.slice(0, f.indexOf(':')).trim().toLowerCase();
  const relaxed = (f: string): string => {
    const value = f
      .slice(f.indexOf(':') + 1)
      .replace(/\r\n/g, '')
      .replace(/[ \t]+/g, ' ')
      .trim();
    return `${nameOf(f)}:${value}`;
  };
  const sigField = fields.find((f) => nameOf(f) === 'dkim-signature') ?? '';
  const tags = new Map(
    sigField
      .slice(sigField.indexOf(':') + 1)
      .replace(/\s+/g, '')
      .split(';')
      .filter(Boolean)
      .map((t) => [t.slice(0, t.indexOf('=')), t.slice(t.indexOf('=') + 1)] as const),
  );
  const canonBody = `${body
    .split('\r\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''))
    .join('\r\n')
    .replace(/(\r\n)*$/, '')}\r\n`;
  const bodyHashOk = createHash('sha256').update(canonBody, 'latin1').digest('base64') === tags.get('bh');
  const signed = (tags.get('h') ?? '').toLowerCase().split(':');
  const used = new Map<string, number>();
  const lines: string[] = [];
  for (const h of signed) {
    const all = fields.filter((f) => nameOf(f) === h);
    const n = (used.get(h) ?? 0) + 1;
    used.set(h, n);
    const f = all[all.length - n];
    if (f) lines.push(`${relaxed(f)}\r\n`);
  }
  lines.push(relaxed(sigField).replace(/b=[^;]*$/, 'b='));
  const signatureOk = verify(
    'RSA-SHA256',
    Buffer.from(lines.join(''), 'latin1'),
    publicKey,
    Buffer.from(tags.get('b') ?? '', 'base64'),
  );
  return { bodyHashOk, signatureOk, signed };
}

describe('DKIM on template-built messages', () => {
  it('signs a verifiable signature that covers both list headers', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const raw = await buildEml(messageTo('김 "철수", 주니어'), {
      domainName: 'example.com',
      keySelector: 'news',
      privateKey: pem,
    });
    expect(raw.toString('latin1')).toMatch(/^DKIM-Signature: /);
    const r = verifyDkim(raw, publicKey);
    expect(r).toMatchObject({ bodyHashOk: true, signatureOk: true });
    expect(r.signed).toEqual(
      expect.arrayContaining([
        'from',
        'to',
        'subject',
        'date',
        'message-id',
        'list-unsubscribe',
        'list-unsubscribe-post',
      ]),
    );
    // A changed byte in the body or in a signed header no longer verifies.
    const tampered = Buffer.from(
      raw
        .toString('latin1')
        .replace(
          'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
          'List-Unsubscribe-Post: List-Unsubscribe=Two-Click',
        ),
      'latin1',
    );
    expect(verifyDkim(tampered, publicKey).signatureOk).toBe(false);
  });
});
