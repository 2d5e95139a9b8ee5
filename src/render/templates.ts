/**
 * Loading the templates (the renderer's I/O edge): read, parse, check and compile every
 * template once, and keep the result until a file changes. The templates come from one or
 * more folders, file by file: a file in an earlier folder (a project's own `templates/`)
 * replaces the file of the same path in a later one (the bundled templates).
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
  /** The folder it was read from. */
  from: string;
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
  /** The folders, first wins. */
  dirs: readonly string[];
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

interface Listed {
  rel: string;
  abs: string;
  from: string;
  mtimeMs: number;
  size: number;
}

/** The template files of one folder. */
function listFolder(dir: string): Listed[] {
  const out: Listed[] = [];
  for (const folder of ['styles', 'partials']) {
    const abs = join(dir, folder);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).sort()) {
      if (!FILE_RE.test(name)) continue;
      const file = join(abs, name);
      const st = statSync(file);
      if (st.isFile()) out.push({ rel: `${folder}/${name}`, abs: file, from: dir, mtimeMs: st.mtimeMs, size: st.size });
    }
  }
  return out;
}

/** The folders of a templates option, in order, each once. */
export function templateDirs(dirs: string | readonly string[]): string[] {
  return [...new Set(typeof dirs === 'string' ? [dirs] : dirs)];
}

/** The template files of the folders, file by file: the first folder holding a path wins. */
export function listTemplateFiles(dirs: string | readonly string[]): Listed[] {
  const byRel = new Map<string, Listed>();
  for (const dir of templateDirs(dirs)) {
    for (const f of listFolder(dir)) if (!byRel.has(f.rel)) byRel.set(f.rel, f);
  }
  return [...byRel.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
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

/** The template file an error was thrown in, set by the innermost partial it passed through. */
export const TEMPLATE_FILE = Symbol('briefing.templateFile');

/** A partial whose errors say they came from it, not from the layout that includes it. */
function inPartial(file: string, fn: Delegate): Delegate {
  return (context, options) => {
    try {
      return fn(context, options);
    } catch (e) {
      if (e && typeof e === 'object' && !(TEMPLATE_FILE in e)) Object.defineProperty(e, TEMPLATE_FILE, { value: file });
      throw e;
    }
  };
}

function compileKind(
  hb: Hb,
  files: readonly TemplateFile[],
  kind: TemplateKind,
  asts: Map<TemplateFile, hbs.AST.Program>,
): CompiledKind {
  const options = { noEscape: kind === 'txt', preventIndent: kind === 'txt', strict: true };
  const entries = new Map<string, Delegate>();
  const partials: Record<string, Delegate> = {};
  for (const f of files) {
    if (f.kind !== kind) continue;
    const compiled = hb.compile(asts.get(f) ?? f.source, options);
    if (f.role === 'style') entries.set(f.name, compiled);
    else partials[f.name] = inPartial(f.file, compiled);
  }
  return { entries, partials };
}

/**
 * Read, parse, check and compile the templates of one or more folders (first wins, file by
 * file). A folder that does not exist adds nothing. Throws ETEMPLATE with file and line.
 */
export function buildTemplateSet(dirs: string | readonly string[]): TemplateSet {
  const folders = templateDirs(dirs);
  const listed = listTemplateFiles(folders);
  if (listed.length === 0) {
    throw new BriefingError(
      'ETEMPLATE',
      `no templates found in ${folders.join(' or ')}`,
      `put styles/ and partials/ there, or run \`briefing templates eject\` to copy the bundled ones`,
    );
  }
  const files: TemplateFile[] = listed.map((f) => {
    const m = FILE_RE.exec(f.rel.split('/')[1] ?? '');
    return {
      file: shownPath(f.abs),
      rel: f.rel,
      from: f.from,
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
    dirs: folders,
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

/**
 * The template set of one or more folders (first wins, file by file), cached until a
 * template file is added, removed or changed (by path, mtime and size).
 */
export function loadTemplates(dirs: string | readonly string[]): TemplateSet {
  const folders = templateDirs(dirs);
  const key = folders.join('\n');
  const signature = listTemplateFiles(folders)
    .map((f) => `${f.abs}:${f.mtimeMs}:${f.size}`)
    .join('|');
  const hit = cache.get(key);
  if (hit && hit.signature === signature) return hit.set;
  const set = buildTemplateSet(folders);
  cache.set(key, { signature, set });
  return set;
}

/** The file of a template inside the set, as shown in messages (where to create it: the first folder). */
export function fileOf(set: TemplateSet, rel: string): string {
  return set.files.find((f) => f.rel === rel)?.file ?? shownPath(join(set.dirs[0] ?? '.', ...rel.split('/')));
}
