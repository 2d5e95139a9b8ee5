/**
 * Checks on the finished HTML that mail clients punish: Gmail clipping, images without
 * alt text or width, links that are relative or not http(s). Pure: HTML in, warnings out.
 */
import { Parser } from 'htmlparser2';
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

  // One streaming pass over the tags (no DOM is built); image warnings come before link
  // warnings, each in document order.
  const images: PreflightWarning[] = [];
  const links: PreflightWarning[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'img') {
          const src = attrs.src ?? '';
          const label = short(src || '(no src)');
          const alt = attrs.alt;
          if (alt === undefined || alt.trim() === '') {
            images.push({
              code: 'missing-alt',
              message: `image ${label} has no alt text: describe it for screen readers and blocked images`,
            });
          }
          if (!attrs.width) {
            images.push({
              code: 'image-width',
              message: `image ${label} has no width attribute: Outlook shows it at full size`,
            });
          }
          const problem = linkProblem(src);
          if (problem)
            images.push({
              code: 'bad-link',
              message: `image source "${short(src)}" ${problem}: use an absolute https:// URL`,
            });
        } else if (name === 'a') {
          const href = attrs.href ?? null;
          const problem = linkProblem(href);
          if (problem)
            links.push({
              code: 'bad-link',
              message: `link "${short(href ?? '')}" ${problem}: mail has no base URL, use an absolute https:// URL`,
            });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  warnings.push(...images, ...links);
  return warnings;
}
