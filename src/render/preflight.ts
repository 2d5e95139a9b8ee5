/**
 * Checks on the finished HTML that mail clients punish: Gmail clipping, images without
 * alt text or width, links that are relative or not http(s). Pure: HTML in, warnings out.
 */
import { parseHTML } from 'linkedom';
import type { PreflightWarning } from '../types.js';
import { PLACEHOLDER_RE } from './placeholders.js';

/** Gmail clips a message whose HTML is over about 102 KB and hides the rest behind a link. */
export const GMAIL_CLIP_BYTES = 102 * 1024;

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

/** Size of the HTML as it travels: UTF-8 bytes (a Hangul syllable is 3), not string length. */
export function htmlBytes(html: string): number {
  return Buffer.byteLength(html, 'utf8');
}

function isPlaceholder(value: string): boolean {
  PLACEHOLDER_RE.lastIndex = 0;
  const whole = value.trim().replace(PLACEHOLDER_RE, '');
  return whole === '' && value.trim() !== '';
}

function linkProblem(value: string | null): string | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (isPlaceholder(v)) return undefined;
  if (/^mailto:[^\s]+@/i.test(v)) return undefined;
  if (/^https?:\/\//i.test(v)) {
    try {
      new URL(v);
      return undefined;
    } catch {
      return 'is not a valid URL';
    }
  }
  if (v === '' || v.startsWith('#') || v.startsWith('/') || !/^[a-z][a-z0-9+.-]*:/i.test(v)) return 'is relative';
  return 'is not an http(s) link';
}

const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

export function preflight(html: string, limitBytes: number = GMAIL_CLIP_BYTES): PreflightWarning[] {
  const warnings: PreflightWarning[] = [];
  const bytes = htmlBytes(html);
  if (bytes > limitBytes) {
    warnings.push({
      code: 'gmail-clip',
      message: `HTML is ${kb(bytes)} KB; Gmail clips messages over ${kb(limitBytes)} KB: cut at least ${kb(bytes - limitBytes)} KB (fewer headlines or stories, shorter leads)`,
    });
  }

  const { document } = parseHTML(html);
  for (const img of document.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    const name = short(src || '(no src)');
    const alt = img.getAttribute('alt');
    if (alt === null || alt.trim() === '') {
      warnings.push({ code: 'missing-alt', message: `image ${name} has no alt text: describe it for screen readers and blocked images` });
    }
    if (!img.getAttribute('width')) {
      warnings.push({ code: 'image-width', message: `image ${name} has no width attribute: Outlook shows it at full size` });
    }
    const problem = linkProblem(src);
    if (problem) warnings.push({ code: 'bad-link', message: `image source "${short(src)}" ${problem}: use an absolute https:// URL` });
  }
  for (const a of document.querySelectorAll('a')) {
    const href = a.getAttribute('href');
    const problem = linkProblem(href);
    if (problem) warnings.push({ code: 'bad-link', message: `link "${short(href ?? '')}" ${problem}: mail has no base URL, use an absolute https:// URL` });
  }
  return warnings;
}
