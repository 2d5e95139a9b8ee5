/**
 * The editor's draft as YAML: written readable (Korean as is, no folding) with a
 * comment header, read back with every error pointing at its line.
 */
import {
  Document,
  LineCounter,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Node as YamlNode,
} from 'yaml';
import type { z } from 'zod';
import { BriefingError } from '../errors.js';
import type { Draft } from '../types.js';
import { FIELDS, draftSchema } from './draft-schema.js';

const HEADER: Record<Draft['locale'], string> = {
  ko: [
    ' 브리핑 초안입니다. 고친 뒤 `briefing render <이 파일>`로 다시 만듭니다.',
    ' - stories의 순서를 바꾸면 기사 순서가 바뀌고, 한 기사를 통째로 지우면 빠집니다. headlines도 같습니다.',
    ' - title, headline, lead, why, sections의 문장은 마음대로 고쳐 쓰세요(한 항목에 한 문장).',
    ' - subject를 지우면 title이 메일 제목이 됩니다. marker는 🖊️(뉴스) 또는 💡(분석·후속)입니다.',
    ' - pins에 topicId나 기사 링크를 적으면 다음 호에서도 우선하고, blocks에 적으면 다시 싣지 않습니다.',
    ' - image를 지우면 사진이 빠지고, images의 다른 사진으로 바꿀 수 있습니다. alternatives는 골라 쓸 수 있는 다른 문장입니다.',
  ].join('\n'),
  en: [
    ' Draft of the issue. Edit it, then run `briefing render <this file>`.',
    ' - Reorder stories (and headlines) to reorder the issue; delete a whole story to drop it.',
    ' - Rewrite any title, headline, lead, why or section text freely (one sentence per entry).',
    ' - Without a subject the title is used. marker is 🖊️ (news) or 💡 (analysis, follow-up).',
    ' - Add topic ids or article links to pins to keep them in later issues, or to blocks to keep them out.',
    ' - Delete image to drop the picture, or swap in one of images. alternatives are other sentences to pick from.',
  ].join('\n'),
};

const KEY_COMMENTS: Record<Draft['locale'], Record<string, string>> = {
  ko: {
    stories: ' 톱스토리(위에서부터 [1], [2], …)',
    headlines: ' 헤드라인(톱스토리 다음 번호부터)',
    pins: ' 우선할 topicId나 링크',
    blocks: ' 다시 싣지 않을 topicId나 링크',
  },
  en: {
    stories: ' Top stories ([1], [2], … from the top)',
    headlines: ' Headlines (numbered after the stories)',
    pins: ' Topic ids or links to favour',
    blocks: ' Topic ids or links to keep out',
  },
};

/** A plain id (topic, interest), written without quotes. */
const ID_RE = /^[a-z0-9][a-z0-9_-]*$/;

/** The draft as YAML text for the editor. */
export function draftToYaml(draft: Draft): string {
  const doc = new Document(draft);
  doc.commentBefore = HEADER[draft.locale] ?? HEADER.ko;
  const comments = KEY_COMMENTS[draft.locale] ?? KEY_COMMENTS.ko;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string') {
        const c = comments[pair.key.value];
        if (c) pair.key.commentBefore = c;
      }
    }
  }
  // Every text double-quoted (ids such as topic and interest ids stay plain): an edit that
  // adds ": ", "#" or a leading "[" stays text, and a person never has to decide when quotes
  // are needed.
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string' && !ID_RE.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

type Path = ReadonlyArray<PropertyKey>;

function keyOf(path: Path): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out ? `.${String(k)}` : String(k);
  return out || '(draft)';
}

/** The node at a path and whether it was found; the nearest existing ancestor otherwise. */
function locate(
  doc: Document,
  path: Path,
): { node: YamlNode | undefined; keyNode: YamlNode | undefined; found: boolean } {
  let node: unknown = doc.contents;
  let keyNode: YamlNode | undefined;
  for (const k of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(k));
      if (!pair) return { node: node as YamlNode, keyNode, found: false };
      keyNode = isScalar(pair.key) ? pair.key : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof k === 'number') {
      const item = node.items[k];
      if (item === undefined) return { node: node as YamlNode, keyNode, found: false };
      keyNode = undefined;
      node = item;
    } else {
      return { node: node as YamlNode | undefined, keyNode, found: false };
    }
  }
  return { node: node as YamlNode | undefined, keyNode, found: true };
}

function lineOf(lc: LineCounter, node: YamlNode | undefined): number {
  const at = node?.range?.[0];
  return at === undefined ? 1 : lc.linePos(at).line;
}

const EXPECTED: Record<string, { name: string; example: string }> = {
  string: { name: 'text', example: 'text on one line (quote it if it starts with [, {, # or contains ": ")' },
  array: { name: 'a list', example: 'a list, one "- item" per line' },
  object: { name: 'a map of fields', example: 'indented "field: value" lines' },
  boolean: { name: 'true or false', example: 'true or false' },
  number: { name: 'a number', example: 'a number' },
};

/** Which part of the draft a path points into, for listing its fields. */
function partOf(path: Path): string {
  const names = path.filter((k) => typeof k === 'string');
  const last = names[names.length - 1];
  if (last === 'sections') return 'section';
  if (last === 'sources') return 'source';
  if (last === 'stories') return 'story';
  if (last === 'headlines') return 'headline';
  if (last === 'image' || last === 'images') return 'picture';
  if (last === 'alternatives') return 'alternative';
  return 'draft';
}

function issueError(file: string, doc: Document, lc: LineCounter, issue: z.core.$ZodIssue): BriefingError {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const extra = issue.keys[0] ?? '';
    const { node } = locate(doc, path);
    let line = lineOf(lc, node);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === extra);
      if (pair && isScalar(pair.key)) line = lineOf(lc, pair.key);
    }
    const fields = FIELDS[partOf(path)] ?? [];
    return new BriefingError(
      'EDRAFT',
      `${file} line ${line}: ${keyOf([...path, extra])} is not a draft field`,
      `remove it or fix its spelling; the fields here are ${fields.join(', ')}`,
    );
  }
  const { node, keyNode, found } = locate(doc, path);
  const line = lineOf(lc, found ? (keyNode ?? node) : node);
  const key = keyOf(path);
  if (issue.code === 'invalid_type') {
    const want = EXPECTED[issue.expected] ?? { name: issue.expected, example: issue.expected };
    if (!found || issue.input === undefined) {
      return new BriefingError(
        'EDRAFT',
        `${file} line ${line}: ${key} is missing`,
        `add ${key} back (${want.name}); compose writes every field`,
      );
    }
    return new BriefingError(
      'EDRAFT',
      `${file} line ${line}: ${key} must be ${want.name}`,
      `write it as ${want.example}`,
    );
  }
  return new BriefingError(
    'EDRAFT',
    `${file} line ${line}: ${key} ${issue.message}`,
    'fix the value, then run briefing render again',
  );
}

/** Read an edited draft; any YAML or schema problem is a BriefingError('EDRAFT') naming the file and line. */
export function parseDraft(text: string, file: string): Draft {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line ?? lc.linePos(syntax.pos[0]).line;
    const message = (syntax.message.split('\n')[0] ?? 'invalid YAML').replace(/\s+at line \d+, column \d+:?$/, '');
    throw new BriefingError(
      'EDRAFT',
      `${file} line ${line}: ${message}`,
      'fix the YAML: indent with spaces, start list items with "- ", and quote text that contains ": " or starts with [, {, # or *',
    );
  }
  if (!isMap(doc.contents)) {
    throw new BriefingError(
      'EDRAFT',
      `${file} line 1: the draft is not a map of fields`,
      'start from the draft compose wrote (draft.yaml in the issue folder)',
    );
  }
  const result = draftSchema.safeParse(doc.toJS(), { reportInput: true });
  if (!result.success) {
    // A misspelt key also makes the real one missing: name the misspelling first.
    const issues = result.error.issues;
    const first = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
    if (first) throw issueError(file, doc, lc, first);
    throw new BriefingError('EDRAFT', `${file} line 1: the draft is invalid`, 'start from the draft compose wrote');
  }
  return result.data;
}
