/**
 * Filling locale labels. `{name}` inserts a value; `{name:이/가}` inserts it with
 * the Korean particle that fits its last sound (es-hangul's josa), so
 * `{publisher:이/가} 보도` gives 연합뉴스가 보도 and 한겨레신문이 보도.
 */
import { josa } from 'es-hangul';
import type { Labels } from '../types.js';

type JosaOption = Parameters<typeof josa>[1];

const JOSA_OPTIONS: ReadonlySet<string> = new Set<JosaOption>([
  '이/가',
  '을/를',
  '은/는',
  '으로/로',
  '와/과',
  '이나/나',
  '이란/란',
  '아/야',
  '이랑/랑',
  '이에요/예요',
  '으로서/로서',
  '으로써/로써',
  '으로부터/로부터',
  '이라/라',
]);

/** How digits and Latin letters are read aloud, for picking a particle after them. */
const DIGIT_READING = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
const LETTER_READING: Record<string, string> = {
  a: '에이',
  b: '비',
  c: '씨',
  d: '디',
  e: '이',
  f: '에프',
  g: '지',
  h: '에이치',
  i: '아이',
  j: '제이',
  k: '케이',
  l: '엘',
  m: '엠',
  n: '엔',
  o: '오',
  p: '피',
  q: '큐',
  r: '알',
  s: '에스',
  t: '티',
  u: '유',
  v: '브이',
  w: '더블유',
  x: '엑스',
  y: '와이',
  z: '지',
};

function isJosaOption(s: string): s is JosaOption {
  return JOSA_OPTIONS.has(s);
}

/** `word` followed by the particle of `option` that fits it (e.g. 연합뉴스 + 이/가 → 연합뉴스가). */
export function withJosa(word: string, option: string): string {
  if (!isJosaOption(option)) return `${word}${option}`;
  const last = [...word.replace(/[\s)\]}"'”’]+$/u, '')].pop() ?? '';
  let reading = word;
  if (/[0-9]/.test(last)) reading = DIGIT_READING[Number(last)] ?? word;
  else if (/[A-Za-z]/.test(last)) {
    // Whole acronyms are read letter by letter (KBS → 에스); words need a dictionary, so both forms are shown.
    if (/^[A-Z0-9]+$/.test(word.trim())) reading = LETTER_READING[last.toLowerCase()] ?? word;
    else {
      const [a, b] = option.split('/');
      return `${word}${a}(${b})`;
    }
  } else if (!/[\uac00-\ud7a3]/.test(last)) {
    const [a, b] = option.split('/');
    return `${word}${a}(${b})`;
  }
  return `${word}${josa.pick(reading, option)}`;
}

/** Fill `{name}` and `{name:이/가}` placeholders of a label; unknown names stay as they are. */
export function fillLabel(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)(?::([^{}]+))?\}/g, (whole, name: string, option: string | undefined) => {
    const value = vars[name];
    if (value === undefined) return whole;
    const text = String(value);
    return option ? withJosa(text, option) : text;
  });
}

/** A label by key, with a fallback when the locale file lacks it. */
export function label(labels: Labels, key: string, fallback: string): string {
  const v = labels[key];
  return v === undefined || v === '' ? fallback : v;
}
