import { describe, expect, it } from 'vitest';
import { normalizeEmail, parseCsv, parseSubscribersCsv } from '../../src/deliver/index.js';
import { BriefingError } from '../../src/errors.js';

describe('normalizeEmail', () => {
  it.each([
    ['  Kim.CheolSu@Example.COM ', 'kim.cheolsu@example.com'],
    ['<lee@example.org>', 'lee@example.org'],
    ['mailto:park@example.org', 'park@example.org'],
    ["o'brien+news@example.co.kr", "o'brien+news@example.co.kr"],
    ['user@한국.kr', 'user@xn--3e0b707e.kr'],
  ])('normalizes %j to %j', (input, want) => {
    expect(normalizeEmail(input)).toBe(want);
  });

  it.each([
    '',
    'plain',
    'a@b',
    '@example.com',
    'a@@example.com',
    'a..b@example.com',
    'a b@example.com',
    'a@-x.com',
    'a@example.c',
    'a@example.com\r\nBcc: x@y.z',
  ])('refuses %j', (input) => {
    expect(normalizeEmail(input)).toBeUndefined();
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const recs = parseCsv('\uFEFFa,"b, c","say ""hi"""\r\n"multi\nline",x\n\nlast');
    expect(recs).toEqual([
      { line: 1, fields: ['a', 'b, c', 'say "hi"'] },
      { line: 2, fields: ['multi\nline', 'x'] },
      { line: 5, fields: ['last'] },
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('a,b\n"open,c\nd')).toThrow(/line 2: a quoted field is never closed/);
  });
});

describe('parseSubscribersCsv', () => {
  it('reads a header in any order, Korean names and topic lists, and merges duplicate addresses', () => {
    const csv = [
      'name,email,topics',
      '김철수,Kim@Example.com,AI;반도체',
      '"이, 영희",lee@example.org,',
      ',KIM@example.com,"AI,모바일"',
    ].join('\n');
    const r = parseSubscribersCsv(csv, 'list.csv');
    expect(r.merged).toBe(1);
    expect(r.subscribers).toEqual([
      { email: 'kim@example.com', name: '김철수', interests: ['AI', '반도체', '모바일'] },
      { email: 'lee@example.org', name: '이, 영희', interests: [] },
    ]);
  });

  it('reads an interests column under its own name or a Korean one', () => {
    const r = parseSubscribersCsv('이메일,이름,관심사\npark@example.net,박서연,ai|chips\n', 'list.csv');
    expect(r.subscribers).toEqual([{ email: 'park@example.net', name: '박서연', interests: ['ai', 'chips'] }]);
    const en = parseSubscribersCsv('email,interests\nchoi@example.net,markets\n');
    expect(en.subscribers[0]?.interests).toEqual(['markets']);
  });

  it('reads an editions column, and leaves editions unset when the file has none', () => {
    const r = parseSubscribersCsv(
      'email,name,interests,editions\nkim@example.org,김매일,ai,daily;weekly\nlee@example.org,이,,\n',
    );
    expect(r.subscribers.map((s) => s.editions)).toEqual([['daily', 'weekly'], []]);
    expect(parseSubscribersCsv('email\nkim@example.org\n').subscribers[0]?.editions).toBeUndefined();
  });

  it('reads columns email,name,interests when there is no header, skipping blank and # lines', () => {
    const r = parseSubscribersCsv('# exported 2026-11\na@example.org,에이\n\nb@example.org\n');
    expect(r.subscribers.map((s) => [s.email, s.name])).toEqual([
      ['a@example.org', '에이'],
      ['b@example.org', undefined],
    ]);
  });

  it('fails the whole file with the line of a bad address', () => {
    const csv = 'email,name\nok@example.org,A\nnot-an-address,B\n';
    let err: unknown;
    try {
      parseSubscribersCsv(csv, 'list.csv');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BriefingError);
    expect((err as BriefingError).code).toBe('ESUBSCRIBER');
    expect((err as BriefingError).message).toBe('list.csv line 3: "not-an-address" is not an e-mail address');
  });

  it('flattens control characters in names', () => {
    const r = parseSubscribersCsv('"evil@example.org","Kim\r\nBcc: x@y.z"');
    expect(r.subscribers[0]?.name).toBe('Kim Bcc: x@y.z');
  });
});
