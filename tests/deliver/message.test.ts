import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { buildEml, buildMessage, formatAddress, oneLine, previewRecipient } from '../../src/deliver/index.js';
import { NOW, deliveryConfig, headerLine, recipient, renderedIssue } from './builders.js';

describe('buildMessage', () => {
  it('addresses the recipient by name and carries both unsubscribe headers', () => {
    const msg = buildMessage({ config: deliveryConfig(), issue: renderedIssue(), recipient: recipient(), now: NOW });
    expect(msg.to).toBe('"김철수" <kim@example.org>');
    expect(msg.headers['List-Unsubscribe']).toBe(
      '<https://news.example.com/unsubscribe?t=abc.def>, <mailto:briefing@example.com?subject=unsubscribe>',
    );
    expect(msg.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(msg.date).toEqual(NOW);
    expect(msg.issueId).toBe('2026-11-23');
  });

  it('gives the same issue to the same address the same Message-ID and another address another', () => {
    const a = buildMessage({ config: deliveryConfig(), issue: renderedIssue(), recipient: recipient(), now: NOW });
    const b = buildMessage({ config: deliveryConfig(), issue: renderedIssue(), recipient: recipient(), now: NOW });
    const c = buildMessage({
      config: deliveryConfig(),
      issue: renderedIssue(),
      recipient: recipient({ email: 'lee@example.org' }),
      now: NOW,
    });
    expect(a.messageId).toBe(b.messageId);
    expect(a.messageId).not.toBe(c.messageId);
    expect(a.messageId).toMatch(/^<2026-11-23\.[0-9a-f]{20}@example\.com>$/);
  });

  it('uses the configured unsubscribe mailbox and leaves out the Post header without a web link', () => {
    const msg = buildMessage({
      config: deliveryConfig({ unsubscribeMailto: 'leave@example.com' }),
      issue: renderedIssue(),
      recipient: recipient({ unsubscribeUrl: 'mailto:leave@example.com?subject=unsubscribe' }),
      now: NOW,
    });
    expect(msg.headers['List-Unsubscribe']).toBe('<mailto:leave@example.com?subject=unsubscribe>');
    expect(msg.headers['List-Unsubscribe-Post']).toBeUndefined();
  });

  it('reduces CR, LF and other control characters in header values to spaces', () => {
    expect(oneLine('a\r\nBcc: x@y.z\u2028b\tc')).toBe('a Bcc: x@y.z b c');
    expect(formatAddress('kim@example.org', '김 "철수"\\')).toBe('"김 \\"철수\\"\\\\" <kim@example.org>');
  });

  it('builds a preview recipient from the From address', () => {
    expect(previewRecipient(deliveryConfig(), 'https://news.example.com').unsubscribeUrl).toBe(
      'https://news.example.com/unsubscribe?t=preview',
    );
    expect(previewRecipient(deliveryConfig()).email).toBe('briefing@example.com');
  });
});

describe('buildEml', () => {
  it('writes a multipart/alternative message that reads back field by field', async () => {
    const msg = buildMessage({
      config: deliveryConfig({ replyTo: '편집부 <desk@example.com>' }),
      issue: renderedIssue(),
      recipient: recipient(),
      now: NOW,
    });
    const eml = await buildEml(msg);
    const raw = eml.toString('latin1');
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: base64/);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(raw).not.toMatch(/[^\x00-\x7f]/); // every byte 7-bit: the Korean is encoded
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe('[브리핑] 삼성전자, 차세대 반도체 투자 발표');
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value[0]).toEqual({ address: 'kim@example.org', name: '김철수' });
    expect(parsed.from?.value[0]).toEqual({ address: 'briefing@example.com', name: '테크 브리핑' });
    expect(parsed.replyTo?.value[0]).toEqual({ address: 'desk@example.com', name: '편집부' });
    expect(parsed.messageId).toBe(msg.messageId);
    expect(parsed.date?.toISOString()).toBe(NOW.toISOString());
    expect(parsed.html).toContain('삼성전자, 차세대 반도체 투자 발표');
    expect(parsed.text).toContain('{{name}}님 안녕하세요.');
    expect(headerLine(parsed, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(headerLine(parsed, 'List-Unsubscribe')).toBe(msg.headers['List-Unsubscribe']);
  });

  it('never lets a title or a name with CR/LF create a header', async () => {
    const msg = buildMessage({
      config: deliveryConfig(),
      issue: renderedIssue({ subject: '속보\r\nBcc: victim@evil.example\r\nX-Injected: 1' }),
      recipient: recipient({ name: '김\r\nX-Name-Injected: yes\nCc: cc@evil.example' }),
      now: NOW,
    });
    msg.headers['X-Custom'] = 'ok\r\nX-Header-Injected: 1';
    msg.headers['Bad\r\nX-Key-Injected'] = '1';
    const eml = await buildEml(msg);
    const parsed = await simpleParser(eml);
    for (const h of ['bcc', 'cc', 'x-injected', 'x-name-injected', 'x-header-injected', 'x-key-injected']) {
      expect(parsed.headers.has(h), h).toBe(false);
    }
    expect(parsed.subject).toBe('속보 Bcc: victim@evil.example X-Injected: 1');
    expect(parsed.headers.get('x-custom')).toBe('ok X-Header-Injected: 1');
    const head = eml.toString('latin1').split('\r\n\r\n')[0] ?? '';
    expect(head).not.toMatch(/^(Bcc|Cc|X-Injected|X-Name-Injected|X-Header-Injected):/im);
  });
});
