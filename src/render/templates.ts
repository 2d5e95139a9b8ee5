/**
 * Loading the templates folder (the renderer's I/O edge): read, parse, check and compile
 * every template once, and keep the result until a file in the folder changes.
 *
 * Layout of the folder:
 *   styles/<style>.mjml.hbs    the HTML entry of a style (briefing, digest, explainer)
 *   styles/<style>.txt.hbs     its plain-text part
 *   partials/<name>.mjml.hbs   HTML partials, called as {{> name}}
 *   partials/<name>.txt.hbs    plain-text partials, called as {{> name}} from .txt.hbs files
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type Handlebars from 'handlebars';
import { BriefingError } from '../errors.js';
import { createHandlebars, HELPER_NAMES } from './helpers.js';
import { checkTemplate } from './template-check.js';

export type TemplateKind = 'mjml' | 'txt';
type Hb = typeof Handlebars;
type Delegate = Handlebars.TemplateDelegate;

export interface TemplateFile {
  /** Path as shown in messages. */
  file: string;
  /** Path inside the templates folder, with forward slashes. */
  rel: string;
  role: 'style' | 'partial';
  name: string;
  kind: TemplateKind;
  source: string;
}

export interface CompiledKind {
  entries: ReadonlyMap<string, Delegate>;
  partials: Readonly<Record<string, Delegate>>;
}

export interface TemplateSet {
  dir: string;
  hb: Hb;
  files: readonly TemplateFile[];
  mjml: CompiledKind;
  txt: CompiledKind;
  /** Label keys written literally in templates, with where. */
  labelUses: ReadonlyArray<{ file: string; line: number; key: string }>;
  /** The MJML templates again, each MJML tag line preceded by `<!--@tpl file:line-->` (to locate MJML errors). */
  instrumented(): CompiledKind;
}

const FILE_RE = /^(.+)\.(mjml|txt)\.hbs$/;
const cache = new Map<string, { signature: string; set: TemplateSet }>();

function shownPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

function listFiles(dir: string): Array<{ rel: string; abs: string; mtimeMs: number; size: number }> {
  const out: Array<{ rel: string; abs: string; mtimeMs: number; size: number }> = [];
  for (const folder of ['styles', 'partials']) {
    const abs = join(dir, folder);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).sort()) {
      if (!FILE_RE.test(name)) continue;
      const file = join(abs, name);
      const st = statSync(file);
      if (st.isFile()) out.push({ rel: `${folder}/${name}`, abs: file, mtimeMs: st.mtimeMs, size: st.size });
    }
  }
  return out;
}

export function templateError(file: string, line: number | undefined, message: string, hint: string): BriefingError {
  return new BriefingError('ETEMPLATE', `${file}${line ? ` line ${line}` : ''}: ${message}`, hint);
}

/** A Handlebars parse error as `line N: what`, in words an editor can act on. */
function parseFailure(file: string, e: unknown): BriefingError {
  const err = e as { message?: string; lineNumber?: number };
  const text = String(err.message ?? e);
  const hint = 'close every {{#block}} with its own {{/block}} and every {{ with }}';
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):\d+$/.exec(text);
  if (mismatch) {
    return templateError(
      file,
      Number(mismatch[3]),
      `{{#${mismatch[1]}}} opened on this line is closed by {{/${mismatch[2]}}}`,
      hint,
    );
  }
  const lines = text.split('\n');
  const lineMatch = /Parse error on line (\d+)/.exec(text) ?? /- (\d+):\d+$/m.exec(text);
  const line = err.lineNumber ?? (lineMatch ? Number(lineMatch[1]) : undefined);
  const expecting = lines.find((l) => l.startsWith('Expecting'));
  if (expecting?.endsWith("got 'EOF'"))
    return templateError(file, line, 'the template ends inside an open {{#block}} or {{', hint);
  const detail = expecting
    ? expecting.replace(/^Expecting /, 'expected ').replace(/'/g, '')
    : (lines[0] ?? text).replace(/ - \d+:\d+$/, '');
  const near = expecting && lines[1] ? ` near "${lines[1].trim()}"` : '';
  return templateError(file, line, `${detail}${near}`, hint);
}

/** Mark each line that opens or closes an MJML tag with the template file and line. */
export function instrumentSource(rel: string, source: string): string {
  return source
    .split('\n')
    .map((line, i) => line.replace(/^(\s*)(<\/?mj(?:ml\b|-))/, `$1<!--@tpl ${rel}:${i + 1}-->$2`))
    .join('\n');
}

function compileKind(
  hb: Hb,
  files: readonly TemplateFile[],
  kind: TemplateKind,
  asts: Map<TemplateFile, hbs.AST.Program>,
): CompiledKind {
  const options = { noEscape: kind === 'txt', preventIndent: kind === 'txt' };
  const entries = new Map<string, Delegate>();
  const partials: Record<string, Delegate> = {};
  for (const f of files) {
    if (f.kind !== kind) continue;
    const compiled = hb.compile(asts.get(f) ?? f.source, options);
    if (f.role === 'style') entries.set(f.name, compiled);
    else partials[f.name] = compiled;
  }
  return { entries, partials };
}

/** Read, parse, check and compile a templates folder. Throws ETEMPLATE with file and line. */
export function buildTemplateSet(dir: string): TemplateSet {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new BriefingError(
      'ETEMPLATE',
      `templates folder not found: ${dir}`,
      'set paths.templates in the config, or copy the bundled templates/ folder',
    );
  }
  const files: TemplateFile[] = listFiles(dir).map((f) => {
    const m = FILE_RE.exec(f.rel.split('/')[1] ?? '');
    return {
      file: shownPath(f.abs),
      rel: f.rel,
      role: f.rel.startsWith('styles/') ? 'style' : 'partial',
      name: m?.[1] ?? '',
      kind: m?.[2] === 'txt' ? 'txt' : 'mjml',
      source: readFileSync(f.abs, 'utf8'),
    };
  });
  const hb = createHandlebars();
  const asts = new Map<TemplateFile, hbs.AST.Program>();
  const labelUses: Array<{ file: string; line: number; key: string }> = [];
  const partialNames = (kind: TemplateKind): Set<string> =>
    new Set(files.filter((f) => f.kind === kind && f.role === 'partial').map((f) => f.name));
  const names = { mjml: partialNames('mjml'), txt: partialNames('txt') };

  for (const f of files) {
    let ast: hbs.AST.Program;
    try {
      ast = hb.parse(f.source);
    } catch (e) {
      throw parseFailure(f.file, e);
    }
    const facts = checkTemplate(ast, HELPER_NAMES, names[f.kind]);
    const first = facts.findings[0];
    if (first) throw templateError(f.file, first.line, first.message, first.hint);
    for (const l of facts.labels) labelUses.push({ file: f.file, ...l });
    asts.set(f, ast);
  }

  let instrumented: CompiledKind | undefined;
  return {
    dir,
    hb,
    files,
    mjml: compileKind(hb, files, 'mjml', asts),
    txt: compileKind(hb, files, 'txt', asts),
    labelUses,
    instrumented() {
      instrumented ??= compileKind(
        hb,
        files.map((f) => (f.kind === 'mjml' ? { ...f, source: instrumentSource(f.rel, f.source) } : f)),
        'mjml',
        new Map(),
      );
      return instrumented;
    },
  };
}

/** The template set of a folder, cached until a template file changes (by mtime and size). */
export function loadTemplates(dir: string): TemplateSet {
  const files = existsSync(dir) ? listFiles(dir) : [];
  const signature = files.map((f) => `${f.rel}:${f.mtimeMs}:${f.size}`).join('|');
  const hit = cache.get(dir);
  if (hit && hit.signature === signature) return hit.set;
  const set = buildTemplateSet(dir);
  cache.set(dir, { signature, set });
  return set;
}

/** The file of a template inside the set, as shown in messages. */
export function fileOf(set: TemplateSet, rel: string): string {
  return set.files.find((f) => f.rel === rel)?.file ?? shownPath(join(set.dir, ...rel.split('/')));
}
