/**
 * Static checks of a parsed template, so mistakes surface with their file and line
 * before anything renders. Pure: an AST in, findings out.
 *
 * - `{{{ }}}` and `{{& }}` are refused: templates print everything escaped.
 * - a call to a helper that is not registered;
 * - a partial that does not exist;
 * - the label keys used with a literal name (checked against the locale on each render).
 */

export interface TemplateFinding {
  line: number;
  message: string;
  hint: string;
}

export interface LabelUse {
  key: string;
  line: number;
}

export interface TemplateFacts {
  findings: TemplateFinding[];
  labels: LabelUse[];
}

type AnyNode = { type?: unknown; loc?: { start?: { line?: number } } } & Record<string, unknown>;

function walk(node: unknown, visit: (n: AnyNode) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as AnyNode;
  if (typeof n.type === 'string') visit(n);
  for (const [key, value] of Object.entries(n)) {
    if (key !== 'loc' && value && typeof value === 'object') walk(value, visit);
  }
}

function lineOf(n: AnyNode): number {
  return n.loc?.start?.line ?? 1;
}

export function checkTemplate(
  ast: hbs.AST.Program,
  helperNames: ReadonlySet<string>,
  partialNames: ReadonlySet<string>,
): TemplateFacts {
  const findings: TemplateFinding[] = [];
  const labels: LabelUse[] = [];
  const helperList = [...helperNames].filter((h) => !h.endsWith('Missing')).join(', ');

  walk(ast, (n) => {
    switch (n.type) {
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement': {
        const m = n as unknown as hbs.AST.MustacheStatement & { type: string };
        if (n.type === 'MustacheStatement' && m.escaped === false) {
          findings.push({
            line: lineOf(n),
            message: `{{{ }}} prints text unescaped`,
            hint: 'write {{ }}: everything a template prints is escaped (use {{#link url}}…{{/link}} for links)',
          });
        }
        const path = m.path as hbs.AST.PathExpression;
        const isCall = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0 || n.type === 'SubExpression';
        if (path.type === 'PathExpression' && isCall && !path.data && !helperNames.has(path.original)) {
          findings.push({
            line: lineOf(n),
            message: `unknown helper "${path.original}"`,
            hint: `helpers are: ${helperList}`,
          });
        }
        const first = m.params[0] as hbs.AST.StringLiteral | undefined;
        if (path.type === 'PathExpression' && path.original === 'label' && first?.type === 'StringLiteral') {
          labels.push({ key: first.value, line: lineOf(n) });
        }
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const p = n as unknown as hbs.AST.PartialStatement;
        const name = p.name.type === 'PathExpression' ? p.name.original : undefined;
        if (name !== undefined && name !== '@partial-block' && !partialNames.has(name)) {
          findings.push({
            line: lineOf(n),
            message: `partial "${name}" does not exist`,
            hint: `add templates/partials/${name}.<mjml|txt>.hbs or fix the name (partials: ${[...partialNames].join(', ')})`,
          });
        }
        break;
      }
      default:
        break;
    }
  });
  return { findings, labels };
}
