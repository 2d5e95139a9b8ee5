import { describe, expect, it } from 'vitest';
import { Analyzer, isPredicate, stripSuffix } from '../../src/rank/tokenize.js';

const tokens = (text: string, aliases: string[][] = []): string[] => new Analyzer(aliases).tokens(text);

describe('Korean-aware tokenizer', () => {
  it('strips particles and endings from Hangul words and adds their character bigrams', () => {
    const t = tokens('반도체를 발표했다고 카카오톡에서는');
    expect(t).toEqual(expect.arrayContaining(['반도체', '반도', '도체', '발표', '카카오톡', '카카', '카오', '오톡']));
    expect(t).not.toContain('반도체를');
    expect(t).not.toContain('카카오톡에서는');
  });

  it('strips one suffix at most and never leaves a one-syllable stem from a two-syllable word', () => {
    expect(stripSuffix('기업들은')).toBe('기업');
    expect(stripSuffix('국가')).toBe('국가');
    expect(stripSuffix('회의')).toBe('회의');
    expect(stripSuffix('비트코인')).toBe('비트코인');
    expect(stripSuffix('한반도')).toBe('한반도');
  });

  it('drops finite verbs, stop words and particles cut off by quotes', () => {
    const t = tokens("밝혔다 늘었다 들어간다 있다 등 '루빈'을 혼다");
    expect(t).toEqual(['루빈', '혼다']);
    expect(isPredicate('떨어졌다')).toBe(true);
    expect(isPredicate('캐나다')).toBe(false);
  });

  it('lower-cases Latin words and drops English stop words and single letters', () => {
    expect(tokens('The NEW Rubin chips of a Data Center')).toEqual(['rubin', 'chips', 'data', 'center']);
  });

  it('keeps numbers with their units as one anchor and drops dates and short bare numbers', () => {
    const t = tokens('성능 2.6배, 500TWh, 1,200억원을 투자하고 점유율 10%를 23일 2026년에 5개 중 3등 4090 GPU');
    expect(t).toEqual(expect.arrayContaining(['2.6배', '500twh', '1200억', '10%', '5개', '4090']));
    expect(t).not.toContain('23일');
    expect(t).not.toContain('2026년');
    expect(t.some((x) => /^\d$/.test(x))).toBe(false);
  });

  it('keeps a model name with its version as one term beside its parts', () => {
    const t = tokens('GPT-5.5 출시, GPT-5와 비교');
    expect(t).toEqual(expect.arrayContaining(['gpt-5.5', 'gpt-5', 'gpt', '5.5']));
  });

  it('folds the built-in aliases whatever the script, case or particle', () => {
    const a = new Analyzer();
    const first = (s: string): string | undefined => a.tokens(s)[0];
    expect(first('엔비디아가')).toBe('엔비디아');
    expect(first('NVIDIA')).toBe('엔비디아');
    expect(first('Nvidia의')).toBe('엔비디아');
    expect(first('오픈AI는')).toBe('오픈ai');
    expect(first('OpenAI')).toBe('오픈ai');
    expect(first('Open AI가')).toBe('오픈ai');
    expect(first('삼성전자와')).toBe('삼성전자');
    expect(first('Samsung')).toBe('삼성전자');
    expect(first('구글이')).toBe(first('Google'));
    expect(first('애플은')).toBe(first('Apple'));
    expect(first('마이크로소프트')).toBe(first('Microsoft'));
    // A Hangul alias brings its bigrams whatever the surface form, so both forms match alike.
    expect(a.tokens('Nvidia')).toEqual(a.tokens('엔비디아'));
  });

  it('extends the aliases from config, single words and phrases, merging with a built-in group', () => {
    const extra = [
      ['카나나', 'Kanana'],
      ['한국은행', '한은', 'Bank of Korea'],
      ['엔비디아', '엔비'],
    ];
    const a = new Analyzer(extra);
    expect(a.tokens('Kanana 출시')[0]).toBe('카나나');
    expect(a.tokens('한은이')[0]).toBe('한국은행');
    expect(a.tokens('the Bank of Korea said')).toContain('한국은행');
    expect(a.tokens('the Bank of Korea said')).not.toContain('bank');
    expect(a.tokens('엔비')[0]).toBe('엔비디아');
  });

  it('reads Hanja abbreviations in headlines as the country they stand for', () => {
    expect(tokens('美 관세에 中 반발')).toEqual(expect.arrayContaining(['미국', '관세', '중국', '반발']));
  });

  it('reads full-width letters and digits as their ASCII forms', () => {
    expect(tokens('ＡＩ 칩 ５００ＴＷｈ')).toEqual(tokens('AI 칩 500TWh'));
  });

  it('gives a word the same terms the first time and from its cache, in long text too', () => {
    const a = new Analyzer();
    const once = a.tokens('삼성전자가 HBM4를 엔비디아에 공급한다. ');
    const long = '삼성전자가 HBM4를 엔비디아에 공급한다. '.repeat(20_000);
    const all = a.tokens(long);
    expect(all).toHaveLength(once.length * 20_000);
    expect(all.slice(-once.length)).toEqual(once);
  });
});
