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

/** Above this share of the clip, the images' part of the HTML is named. */
export const CLIP_NEAR = 0.8;

/** Images of the HTML and the bytes their markup (the <img> tag and the table MJML wraps it in) takes. */
export function imageMarkup(html: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  // An mj-image renders as <td …class="…mj-full-width-mobile…">…<img …>…</td>: the wrapper table from its
  // opening to its close is what one picture adds.
  for (const m of html.matchAll(/<table\b[^>]*mj-full-width-mobile[\s\S]*?<\/table>|<img\b[^>]*>/gi)) {
    count += (m[0].match(/<img\b/gi) ?? []).length;
    bytes += htmlBytes(m[0]);
  }
  return { count, bytes };
}

export function preflight(html: string, limitBytes: number = GMAIL_CLIP_BYTES): PreflightWarning[] {
  const warnings: PreflightWarning[] = [];
  const bytes = htmlBytes(html);
  const pictures = imageMarkup(html);
  const imagesPart =
    pictures.count > 0
      ? `; its ${pictures.count} image${pictures.count === 1 ? '' : 's'} take ${kb(pictures.bytes)} KB of it (newsletter.images: lead shows one)`
      : '';
  if (bytes > limitBytes) {
    warnings.push({
      code: 'gmail-clip',
      message: `HTML is ${kb(bytes)} KB; Gmail clips messages over ${kb(limitBytes)} KB: cut at least ${kb(bytes - limitBytes)} KB (fewer headlines or stories, shorter leads)${imagesPart}`,
    });
  } else if (pictures.count > 0 && bytes > limitBytes * CLIP_NEAR) {
    warnings.push({
      code: 'image-count',
      message: `HTML is ${kb(bytes)} KB, near Gmail's ${kb(limitBytes)} KB clip${imagesPart}`,
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
          else if (/^http:\/\//i.test(src.trim()))
            images.push({
              code: 'image-http',
              message: `image ${label} is http, not https: mail clients block or warn about it; use its https:// address`,
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

/** A story picture as preflight reads it from the template data. */
export interface PictureCheck {
  /** The story's number in the issue. */
  number: number;
  url: string;
  naturalWidth: number;
}

/** Story pictures whose width the draft does not give: their box is unknown until they load. */
export function pictureWarnings(pictures: readonly PictureCheck[]): PreflightWarning[] {
  return pictures
    .filter((p) => p.naturalWidth === 0)
    .map((p) => ({
      code: 'image-width' as const,
      message: `picture of story [${p.number}] (${short(p.url)}) has no width: it is shown at full column width and may be stretched; add width and height to its image in the draft`,
    }));
}
