/**
 * A small editor's desk for tests: real files in a temp folder (MJML + Handlebars template,
 * locale, config, drafts of two issues) and a deps object whose render compiles them for real.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import mjml2html from 'mjml';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { BriefingError } from '../../src/errors.js';
import type { ActionResult, IssueSummary, PreviewDeps } from '../../src/preview/index.js';
import type { Draft, RenderedIssue } from '../../src/types.js';

export const TEMPLATE = `<mjml>
  <mj-head>
    <mj-title>{{title}}</mj-title>
    <mj-preview>{{preheader}}</mj-preview>
    <mj-style>
      .sheet { background: #ffffff; }
      @media (prefers-color-scheme: dark) { .sheet, .sheet div { background: #101418 !important; color: #e8eaef !important; } }
    </mj-style>
  </mj-head>
  <mj-body css-class="sheet" width="640px">
    <mj-section><mj-column>
      <mj-text font-size="22px" font-weight="700"><span class="headline">{{title}}</span></mj-text>
      <mj-text color="#555555">{{newsletter}} · {{footer}}</mj-text>
    </mj-column></mj-section>
    {{#each stories}}
    <mj-section><mj-column>
      <mj-text font-size="18px"><strong>[{{inc @index}}] {{headline}}</strong></mj-text>
      <mj-text>{{marker}} {{#each lead}}{{this}} {{/each}}</mj-text>
      <mj-text><strong>{{@root.labels.why}}</strong><ul>{{#each why}}<li>{{this}}</li>{{/each}}</ul></mj-text>
    </mj-column></mj-section>
    {{/each}}
    <mj-section>
      <mj-column><mj-text><strong>{{labels.headlines}}</strong></mj-text></mj-column>
      <mj-column><mj-text>{{#each headlines}}<p><a href="{{url}}">{{text}}</a></p>{{/each}}</mj-text></mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

export function sampleDraft(issueId: string, headline = '반도체 수출이 넉 달 만에 반등했다'): Draft {
  return {
    version: 1,
    issueId,
    title: `[브리핑] ${headline}`,
    subject: `[브리핑] ${headline}`,
    preheader: `오늘의 브리핑: ${headline} 외 2건`,
    newsletter: '테크 브리핑',
    locale: 'ko',
    style: 'briefing',
    asOf: '2026-11-23T07:00:00+09:00',
    timezone: 'Asia/Seoul',
    stories: [
      {
        topicId: 't-aaaa',
        headline,
        marker: '🖊️',
        lead: ['산업통상자원부는 11월 반도체 수출이 전년보다 12% 늘었다고 밝혔다.', '메모리 가격 회복이 이끌었다.'],
        why: ['수출 회복이 경기 반등의 신호일 수 있다.', '설비 투자 계획이 다시 움직인다.'],
        sections: [],
        sources: [
          {
            publisher: '예시일보',
            publishedAt: '2026-11-22T01:00:00Z',
            title: '반도체 수출 반등',
            url: 'http://127.0.0.1/a',
          },
        ],
        followUp: false,
      },
      {
        topicId: 't-bbbb',
        headline: '전기차 충전 요금이 내년부터 오른다',
        marker: '💡',
        lead: ['환경부는 급속 충전 요금을 kWh당 30원 올린다고 발표했다.', '할인 특례가 끝나기 때문이다.'],
        why: ['전기차 유지비 계산이 달라진다.', '충전 사업자의 수익 구조가 바뀐다.'],
        sections: [],
        sources: [
          {
            publisher: '예시경제',
            publishedAt: '2026-11-22T02:00:00Z',
            title: '충전 요금 인상',
            url: 'http://127.0.0.1/b',
          },
        ],
        followUp: false,
      },
    ],
    headlines: [
      { topicId: 't-cccc', text: '국내 클라우드 시장이 20% 성장했다.', url: 'http://127.0.0.1/c', publisher: '예시IT' },
      {
        topicId: 't-dddd',
        text: '새 개인정보 지침이 다음 달 시행된다.',
        url: 'http://127.0.0.1/d',
        publisher: '예시법률',
      },
    ],
    pins: [],
    blocks: [],
  };
}

export interface Desk {
  root: string;
  templates: string;
  template: string;
  locales: string;
  config: string;
  outbox: string;
  draftFileOf(id: string): string;
  deps: PreviewDeps;
  calls: { recollect: number; recompose: number; sendTest: Array<{ to: string; issueId: string }> };
  cleanup(): void;
}

function draftError(file: string, line: number | undefined, message: string): BriefingError {
  return new BriefingError(
    'EDRAFT',
    `${file}${line ? ` line ${line}` : ''}: ${message}`,
    'fix the draft and save it again',
  );
}

/** Parse a draft YAML file, as strictly as a small test needs: syntax errors and a missing title carry the line. */
export function parseTestDraft(text: string, file: string): Draft {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const err = doc.errors[0];
  if (err) throw draftError(file, err.linePos?.[0]?.line, err.message.split('\n')[0] ?? 'not YAML');
  const data = doc.toJS() as Partial<Draft> | null;
  if (!data || typeof data.title !== 'string' || !Array.isArray(data.stories)) {
    throw draftError(file, 1, 'a draft needs a title and stories');
  }
  return data as Draft;
}

export function makeDesk(): Desk {
  const root = mkdtempSync(join(tmpdir(), 'briefing-preview-'));
  const templates = join(root, 'templates');
  const locales = join(templates, 'locales');
  const outbox = join(root, 'outbox');
  mkdirSync(locales, { recursive: true });
  const template = join(templates, 'issue.mjml.hbs');
  writeFileSync(template, TEMPLATE);
  writeFileSync(join(locales, 'ko.yaml'), 'why: 왜 중요하냐면\nheadlines: 헤드라인\n');
  const config = join(root, 'briefing.config.yaml');
  writeFileSync(config, 'footer: 매주 월요일 아침\n');
  const draftFileOf = (id: string): string => join(outbox, id, 'draft.yaml');
  const issues: IssueSummary[] = [];
  const addIssue = (id: string, draft: Draft): void => {
    mkdirSync(join(outbox, id), { recursive: true });
    writeFileSync(draftFileOf(id), stringify(draft));
    issues.unshift({ id, title: draft.title, status: 'composed', createdAt: `${id}T00:00:00Z` });
  };
  addIssue('2026-11-16', sampleDraft('2026-11-16', '지난주 소식: 배터리 공장이 문을 열었다'));
  addIssue('2026-11-23', sampleDraft('2026-11-23'));
  const calls: Desk['calls'] = { recollect: 0, recompose: 0, sendTest: [] };

  const latest = (): string => issues[0]?.id ?? '';
  const deps: PreviewDeps = {
    watch: [templates, config],
    draftFile: (id) => draftFileOf(id ?? latest()),
    async loadDraft(id) {
      const file = draftFileOf(id ?? latest());
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new BriefingError('ENOTFOUND', `draft not found: ${file}`, 'pick another issue');
      }
      return parseTestDraft(text, file);
    },
    async render(draft, { style }): Promise<RenderedIssue> {
      const labels = parseDocument(readFileSync(join(locales, 'ko.yaml'), 'utf8')).toJS() as Record<string, string>;
      const cfg = parseDocument(readFileSync(config, 'utf8')).toJS() as { footer?: string } | null;
      const source = readFileSync(template, 'utf8');
      const hb = Handlebars.create();
      hb.registerHelper('inc', (n: number) => n + 1);
      let mjml: string;
      try {
        mjml = hb.compile(source, { strict: false })({
          ...draft,
          style: style ?? draft.style,
          labels,
          footer: cfg?.footer ?? '',
        });
      } catch (e) {
        const err = e as { message?: string; lineNumber?: number };
        const msg = String(err.message ?? e);
        const line = err.lineNumber ?? Number(/line (\d+)/.exec(msg)?.[1] ?? NaN);
        throw new BriefingError(
          'ETEMPLATE',
          `${template}${Number.isFinite(line) ? ` line ${line}` : ''}: ${msg.split('\n').pop() ?? msg}`,
          'fix the template and save it again',
        );
      }
      const out = await mjml2html(mjml, { validationLevel: 'soft' });
      const text = [
        draft.title,
        '',
        ...draft.stories.map((s, i) => `[${i + 1}] ${s.headline}\n${s.lead.join(' ')}`),
      ].join('\n');
      return {
        issueId: draft.issueId,
        subject: draft.subject,
        preheader: draft.preheader,
        html: out.html,
        text,
        warnings: [],
      };
    },
    listIssues: () => [...issues],
    async recollect(): Promise<ActionResult> {
      calls.recollect += 1;
      return { message: 'collected 3 new items from 2 sources' };
    },
    async recompose(): Promise<ActionResult> {
      calls.recompose += 1;
      const id = `2026-11-23-${calls.recompose + 1}`;
      addIssue(id, sampleDraft(id, '다시 쓴 톱스토리가 맨 위에 온다'));
      return { message: `composed ${id}`, issueId: id };
    },
    async sendTest(to, issueId): Promise<ActionResult> {
      calls.sendTest.push({ to, issueId });
      return { message: `sent a test of ${issueId} to ${to}` };
    },
  };
  return {
    root,
    templates,
    template,
    locales,
    config,
    outbox,
    draftFileOf,
    deps,
    calls,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
