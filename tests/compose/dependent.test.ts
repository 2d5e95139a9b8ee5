import { describe, expect, it } from 'vitest';
import { DEPENDENT_RULES, dependentRule, outsideQuotes } from '../../src/compose/dependent.js';

const rule = (s: string): string | undefined => dependentRule(s, 'ko')?.name;

describe('Korean dependent-sentence rules', () => {
  it('has one rule per way a sentence points back, each with a meaning', () => {
    expect(DEPENDENT_RULES.ko.map((r) => r.name)).toEqual([
      'points back',
      'refers back',
      'connective',
      'quote tail',
      'rhetorical question',
      'describes the previous',
      'subjectless copula',
    ]);
    for (const r of DEPENDENT_RULES.ko) expect(r.meaning.length).toBeGreaterThan(10);
  });

  it('points back: an opening demonstrative, pronoun or pro-form', () => {
    expect(rule('이는 지난해보다 20% 늘어난 규모다.')).toBe('points back');
    expect(rule('이 같은 흐름은 내년에도 이어질 전망이다.')).toBe('points back');
    expect(rule('그는 기자들과 만나 투자를 늘리겠다고 말했다.')).toBe('points back');
    expect(rule('해당 서비스는 다음 달부터 유료로 바뀐다.')).toBe('points back');
    expect(rule('그러자 경쟁사들도 가격을 내렸다.')).toBe('points back');
    // A new instance of the class: a pro-form nobody listed.
    expect(rule('이렇듯 업계의 셈법은 복잡해졌다.')).toBe('points back');
    // Words that merely begin with 이/그 stand alone.
    expect(rule('이번 발표로 업계의 관심이 커졌다.')).toBeUndefined();
    expect(rule('그래픽처리장치(GPU) 수요가 크게 늘었다.')).toBeUndefined();
    expect(rule('이러닝 시장이 빠르게 커지고 있다.')).toBeUndefined();
  });

  it('refers back: a demonstrative or pronoun inside the sentence, outside quotes', () => {
    expect(rule('모회사 쿠팡Inc는 12일(현지시간) 이 같은 실적을 발표했다.')).toBe('refers back');
    expect(rule('정부는 이를 위해 예산 3조 원을 배정했다.')).toBe('refers back');
    expect(rule('삼성전자는 “이를 통해 점유율을 되찾겠다”고 밝혔다.')).toBeUndefined();
  });

  it('connective: an opening connective adverb', () => {
    expect(rule('하지만 경기 둔화 우려가 커지고 있다.')).toBe('connective');
    expect(rule('반면 중국 업체들은 생산을 늘렸다.')).toBe('connective');
    expect(rule('다만 물량 확보가 관건이다.')).toBe('connective');
    expect(rule('아울러 협력사 지원책도 내놨다.')).toBe('connective');
    expect(rule('또 하나의 변수는 환율이다.')).toBe('connective');
    expect(rule('또래 친구들과 함께 쓰는 앱이 늘었다.')).toBeUndefined();
  });

  it('describes the previous: a copula on a noun that describes the sentence before', () => {
    expect(rule('월가 예상치(796억 달러)를 3% 웃돈 수치다.')).toBe('describes the previous');
    expect(rule('검색광고 노출이 줄어들 수 있기 때문이다.')).toBe('describes the previous');
    expect(rule('사실상 시장을 독점한 셈이다.')).toBe('describes the previous');
    expect(rule('환율 하락 덕분이다.')).toBe('describes the previous');
  });

  it('subjectless copula: a copula sentence with no subject or topic', () => {
    expect(rule('지난 8월 이후 세 차례 연속 동결이다.')).toBe('subjectless copula');
    expect(rule('시장 예상에 부합한 결정이다.')).toBe('subjectless copula');
    expect(rule('지난해 같은 기간보다 두 배 늘어난 규모다.')).toBe('subjectless copula');
    // With a subject or topic it says something of its own.
    expect(rule('국내 메모리 업계에는 호재다.')).toBeUndefined();
    expect(rule('실적을 이끈 것은 차세대 제품의 판매다.')).toBeUndefined();
    expect(rule('관건은 물량 확보다.')).toBeUndefined();
    // Verbs and adjectives are not copulas.
    expect(rule('서버 가격이 크게 올랐다.')).toBeUndefined();
    expect(rule('추론 속도가 1.5배 빠르다.')).toBeUndefined();
  });

  it('rhetorical question: a question in the writer’s voice', () => {
    expect(rule('그렇다면 유료 요금제를 쓸 만할까?')).toBe('points back');
    expect(rule('유료 요금제는 쓸 만할까?')).toBe('rhetorical question');
    expect(rule('반도체 호황은 언제까지 이어질 것인가.')).toBe('rhetorical question');
    expect(rule('김 대표는 “왜 지금이냐고요?”라고 되물으며 웃었다.')).toBeUndefined();
  });

  it('quote tail: the end of a quotation begun in an earlier sentence', () => {
    expect(rule('내년 상반기까지 물량이 모두 예약됐다”고 밝혔다.')).toBe('quote tail');
    expect(rule('고객 신뢰를 되찾는 것이 먼저”라며 말을 아꼈다.')).toBe('quote tail');
    expect(rule('라고 덧붙였다.')).toBe('quote tail');
    expect(rule('박 대표는 “내년이 고비”라고 말했다.')).toBeUndefined();
    expect(rule('McDonald’s는 가격을 올렸다.')).toBeUndefined();
  });

  it('accepts a sentence that stands on its own', () => {
    for (const s of [
      '한국은행이 기준금리를 연 2.50%로 동결했다.',
      '구글이 차세대 인공지능(AI) 모델 ‘제미나이(Gemini) 3’를 공개했다.',
      '네이버클라우드는 12일 서버 2000대를 내년 상반기까지 들여온다고 밝혔다.',
      '이창용 총재는 “환율 변동성이 커진 상황에서 금리를 서둘러 내리기는 어렵다”고 말했다.',
    ]) {
      expect(rule(s), s).toBeUndefined();
    }
  });

  it('reads only the writer’s own words outside quotes', () => {
    expect(outsideQuotes('그는 “이는 시작”이라고 말했다.')).not.toContain('이는');
  });
});

const en = (s: string): string | undefined => dependentRule(s, 'en')?.name;

describe('English dependent-sentence rules', () => {
  it('should have one rule per way a sentence points back, each with a meaning', () => {
    expect(DEPENDENT_RULES.en.map((r) => r.name)).toEqual([
      'points back',
      'definite reference',
      'connective',
      'pronoun speaker',
      'rhetorical question',
    ]);
    for (const r of DEPENDENT_RULES.en) expect(r.meaning.length).toBeGreaterThan(10);
  });

  it('points back: an opening demonstrative or pronoun', () => {
    expect(en('This is the third rise in the cap since October.')).toBe('points back');
    expect(en('It follows a record increase in wholesale gas prices.')).toBe('points back');
    expect(en('They will now go to the House of Lords.')).toBe('points back');
    expect(en('She had been in the post for two years.')).toBe('points back');
    expect(en('Here is what changes in April.')).toBe('points back');
    // A demonstrative that names a time stands alone.
    expect(en('This week, the regulator raised the price cap by 54%.')).toBeUndefined();
    expect(en('Thousands of households will pay more from April.')).toBeUndefined();
    expect(en('“She came in on her own” and did not have to be subpoenaed, Thompson said.')).toBeUndefined();
  });

  it('definite reference: "The measure …" with nothing to say which measure', () => {
    expect(en('The measure is part of a wave of restrictions passed by Republican-led states.')).toBe(
      'definite reference',
    );
    expect(en('The move comes a week after the chancellor’s spring statement.')).toBe('definite reference');
    // A new instance of the class: another noun that names what was just said.
    expect(en('The decision was welcomed by consumer groups.')).toBe('definite reference');
    // A qualifier says which: the sentence stands alone.
    expect(en('The measure of inflation used by the Bank rose to 7%.')).toBeUndefined();
    expect(en('The rise in the energy price cap takes effect in April.')).toBeUndefined();
    expect(en('The Bank of England raised interest rates to 0.75%.')).toBeUndefined();
  });

  it('connective: an opening connective', () => {
    expect(en('However, the company declined to comment.')).toBe('connective');
    expect(en('But critics say the rise will push millions into fuel poverty.')).toBe('connective');
    expect(en('As a result, bills will rise by almost £700.')).toBe('connective');
    expect(en('Butter prices rose by 12% last month.')).toBeUndefined();
  });

  it('pronoun speaker and rhetorical question', () => {
    expect(en('“We had no choice,” she said.')).toBe('pronoun speaker');
    expect(en('“We had no choice,” Jonathan Brearley, Ofgem’s chief executive, said.')).toBeUndefined();
    expect(en('The rise is a big change to household budgets - but what will it mean for you?')).toBe(
      'rhetorical question',
    );
    expect(en('“Who is going to pay for this?” asked the MP for Hove.')).toBeUndefined();
  });
});
