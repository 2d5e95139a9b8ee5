import { describe, expect, it } from 'vitest';
import { classifySmtpFailure, isHardBounce } from '../../src/deliver/index.js';
import { RateLimiter } from '../../src/deliver/rate-limit.js';
import { backoffMs } from '../../src/deliver/smtp-errors.js';

describe('classifySmtpFailure', () => {
  it.each([
    [{ message: 'x', command: 'RCPT TO', responseCode: 450, code: 'EENVELOPE' }, false, 'temporary'],
    [{ message: 'x', command: 'DATA', responseCode: 451, code: 'EMESSAGE' }, true, 'temporary'],
    [{ message: 'x', command: 'RCPT TO', responseCode: 550, code: 'EENVELOPE' }, false, 'permanent'],
    [{ message: 'x', command: 'DATA', responseCode: 554, code: 'EMESSAGE' }, true, 'permanent'],
    [{ message: 'x', command: 'MAIL FROM', responseCode: 553, code: 'EENVELOPE' }, false, 'fatal'],
    [{ message: 'x', command: 'AUTH PLAIN', responseCode: 535, code: 'EAUTH' }, false, 'fatal'],
    [{ message: 'x', command: 'CONN', code: 'ETLS' }, false, 'fatal'],
    [{ message: 'connect ECONNREFUSED', command: 'CONN', code: 'ESOCKET' }, false, 'temporary'],
    [{ message: 'Connection closed unexpectedly', command: 'CONN', code: 'ECONNECTION' }, false, 'temporary'],
    [{ message: 'Connection closed unexpectedly', command: 'CONN', code: 'ECONNECTION' }, true, 'unknown'],
    [{ message: 'Timeout', code: 'ETIMEDOUT' }, true, 'unknown'],
  ] as const)('classifies %j (final dot written: %s) as %s', (failure, dot, kind) => {
    expect(classifySmtpFailure(failure, dot)).toBe(kind);
  });
});

describe('isHardBounce', () => {
  it('treats an unknown mailbox as a hard bounce and a policy refusal as not', () => {
    expect(
      isHardBounce({ message: '', command: 'RCPT TO', responseCode: 550, response: '550 5.1.1 no such user' }),
    ).toBe(true);
    expect(
      isHardBounce({ message: '', command: 'RCPT TO', responseCode: 550, response: '550 5.7.1 relaying denied' }),
    ).toBe(false);
    expect(
      isHardBounce({ message: '', command: 'RCPT TO', responseCode: 553, response: '553 mailbox name not allowed' }),
    ).toBe(true);
    expect(isHardBounce({ message: '', command: 'DATA', responseCode: 550, response: '550 5.1.1 x' })).toBe(false);
  });
});

describe('retry and rate rules', () => {
  it('doubles the backoff each attempt up to the cap', () => {
    expect([0, 1, 2, 3, 10].map((a) => backoffMs(a, 1000, 5000, 0))).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect(backoffMs(0, 1000, 5000, 1)).toBe(1200);
  });

  it('spaces starts evenly at the configured rate', () => {
    const r = new RateLimiter(4);
    expect([r.reserve(0), r.reserve(0), r.reserve(0), r.reserve(600), r.reserve(2000)]).toEqual([0, 250, 500, 150, 0]);
    expect(new RateLimiter(0).reserve(0)).toBe(0);
  });
});
