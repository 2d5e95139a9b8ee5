/**
 * MJML → HTML, strictly validated. A validation error is traced back to the template
 * file and line that wrote the offending tag.
 */
type Mjml2Html = typeof import('mjml');

/** MJML, loaded on the first compile: it is the heaviest module here (about 0.4 s to load). */
let mjml2html: Mjml2Html | undefined;

export interface MjmlProblem {
  line: number;
  message: string;
  tagName: string;
}

/** Thrown when MJML refuses the document; `problems` carry lines of the MJML text. */
export class MjmlInvalid extends Error {
  readonly problems: MjmlProblem[];
  constructor(message: string, problems: MjmlProblem[]) {
    super(message);
    this.name = 'MjmlInvalid';
    this.problems = problems;
  }
}

/**
 * Compile once per issue. Minifying stays off: with Node 20 it prints cssnano warnings and
 * drops the CSS; beautifying is off too (it costs time and bytes).
 */
export async function compileMjml(source: string): Promise<string> {
  mjml2html ??= (await import('mjml')).default;
  let result: Awaited<ReturnType<Mjml2Html>>;
  try {
    result = await mjml2html(source, {
      validationLevel: 'strict',
      keepComments: false,
      minify: false,
      beautify: false,
      fonts: {},
    });
  } catch (e) {
    const errors = (e as { errors?: Array<{ line?: number; message?: string; tagName?: string }> }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      throw new MjmlInvalid(
        (e as Error).message,
        errors.map((x) => ({
          line: x.line ?? 0,
          message: String(x.message ?? 'invalid'),
          tagName: String(x.tagName ?? ''),
        })),
      );
    }
    throw new MjmlInvalid((e as Error).message ?? String(e), []);
  }
  return result.html;
}

/**
 * Where a problem came from: the `<!--@tpl file:line-->` marker on (or nearest above)
 * the problem's line of the instrumented MJML text.
 */
export function locateProblem(
  instrumentedMjml: string,
  problem: MjmlProblem,
): { rel: string; line: number } | undefined {
  const lines = instrumentedMjml.split('\n');
  for (let i = Math.min(problem.line, lines.length) - 1; i >= 0; i--) {
    const markers = [...(lines[i] ?? '').matchAll(/<!--@tpl ([^:]+):(\d+)-->/g)];
    if (markers.length === 0) continue;
    const tagAt = (lines[i] ?? '').search(new RegExp(`<${problem.tagName}[\\s>/]`));
    const before = tagAt >= 0 ? markers.filter((m) => (m.index ?? 0) < tagAt) : markers;
    const m = before[before.length - 1] ?? markers[0];
    if (m?.[1] && m[2]) return { rel: m[1], line: Number(m[2]) };
  }
  return undefined;
}
