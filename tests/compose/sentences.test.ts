import { describe, expect, it } from 'vitest';
import { isCompleteSentence, splitSentences } from '../../src/compose/index.js';

describe('splitSentences', () => {
  it('splits at a period, a question mark and an exclamation mark followed by whitespace', () => {
    expect(splitSentences('정부가 대책을 내놨다. 효과가 있을까? 시장은 환호했다!')).toEqual([
      '정부가 대책을 내놨다.',
      '효과가 있을까?',
      '시장은 환호했다!',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they end', () => {
    expect(splitSentences('그는 말했다. “시장이 흔들린다.” 업계는 긴장했다.')).toEqual([
      '그는 말했다.',
      '“시장이 흔들린다.”',
      '업계는 긴장했다.',
    ]);
  });

  it('splits at line breaks', () => {
    expect(splitSentences('첫 문장은 여기서 끝난다.\n둘째 문장이 이어진다.\r\n셋째 문장도 있다.')).toEqual([
      '첫 문장은 여기서 끝난다.',
      '둘째 문장이 이어진다.',
      '셋째 문장도 있다.',
    ]);
  });

  it('never splits inside a quotation that opens and closes', () => {
    expect(splitSentences('그는 “오늘은 좋다. 내일은 더 좋다”고 말했다. 다음 문장이다.')).toEqual([
      '그는 “오늘은 좋다. 내일은 더 좋다”고 말했다.',
      '다음 문장이다.',
    ]);
    expect(splitSentences('장관은 "규제를 풀겠다. 속도를 내겠다"라며 웃었다.')).toEqual([
      '장관은 "규제를 풀겠다. 속도를 내겠다"라며 웃었다.',
    ]);
  });

  it('does not split before 라고, 며 or 고 that follow a closing quote', () => {
    expect(splitSentences('그는 “시장이 흔들린다.” 라고 말했다.')).toEqual(['그는 “시장이 흔들린다.” 라고 말했다.']);
    expect(splitSentences('“수요가 줄었다.” 며 우려했다.')).toEqual(['“수요가 줄었다.” 며 우려했다.']);
    expect(splitSentences('“가격을 올리겠다.” 고 밝혔다.')).toEqual(['“가격을 올리겠다.” 고 밝혔다.']);
  });

  it('does not split after the abbreviations U.S., J.P., Inc., Co. and Dr.', () => {
    expect(splitSentences('U.S. Steel이 팔렸다. J.P. 모건은 반대했다.')).toEqual([
      'U.S. Steel이 팔렸다.',
      'J.P. 모건은 반대했다.',
    ]);
    expect(splitSentences('Apple Inc. 주가가 올랐다. Samsung Co. 측은 말을 아꼈다. Dr. 김은 웃었다.')).toEqual([
      'Apple Inc. 주가가 올랐다.',
      'Samsung Co. 측은 말을 아꼈다.',
      'Dr. 김은 웃었다.',
    ]);
  });

  it('does not split inside a date written 2025. 3. 19.', () => {
    expect(splitSentences('행사는 2025. 3. 19. 오후 서울에서 열린다. 참가비는 없다.')).toEqual([
      '행사는 2025. 3. 19. 오후 서울에서 열린다.',
      '참가비는 없다.',
    ]);
  });

  it('does not split after a list number', () => {
    expect(splitSentences('1. 첫째 조건을 갖춰야 한다. 2. 둘째 조건도 필요하다.')).toEqual([
      '1. 첫째 조건을 갖춰야 한다.',
      '2. 둘째 조건도 필요하다.',
    ]);
  });

  it('does not split inside a decimal such as 3.5%', () => {
    expect(splitSentences('기준금리는 3.5%로 올랐다. 물가는 2.1% 뛰었다.')).toEqual([
      '기준금리는 3.5%로 올랐다.',
      '물가는 2.1% 뛰었다.',
    ]);
  });

  it('drops a tail cut with an ellipsis character', () => {
    expect(splitSentences('정부는 대책을 내놨다. 이번 대책은 부동산 시장을 …')).toEqual(['정부는 대책을 내놨다.']);
  });

  it('drops a tail cut with three dots', () => {
    expect(splitSentences('정부는 대책을 내놨다. 이번 대책은 부동산 시장을...')).toEqual(['정부는 대책을 내놨다.']);
  });

  it('drops a tail cut mid-sentence without any mark', () => {
    expect(splitSentences('정부는 대책을 내놨다. 이번 대책은 부동산 시장을 겨냥해')).toEqual(['정부는 대책을 내놨다.']);
  });

  it('keeps a whole line that ends with a Korean sentence ending but no period', () => {
    expect(splitSentences('연구진은 새 물질을 찾아냈다\n사진=연구진 제공')).toEqual(['연구진은 새 물질을 찾아냈다']);
  });

  it('ignores a quotation mark that never closes', () => {
    expect(splitSentences('“시장은 흔들린다. 그러나 버틸 것이다.')).toEqual([
      '“시장은 흔들린다.',
      '그러나 버틸 것이다.',
    ]);
  });

  it('ends a Korean sentence glued to the next without a space', () => {
    expect(splitSentences('회사는 성장했다.그는 웃었다.')).toEqual(['회사는 성장했다.', '그는 웃었다.']);
  });

  it('does not treat an ellipsis inside a line as a sentence end', () => {
    expect(splitSentences('회의는 길어졌다... 결국 합의했다.')).toEqual(['회의는 길어졌다... 결국 합의했다.']);
  });

  it('keeps emoji (surrogate pairs) whole, before and inside sentences and quotations', () => {
    expect(splitSentences('🖊️ 반도체 수출이 늘었다. 😀 업계는 웃었다! 💡 전망은 밝다?')).toEqual([
      '🖊️ 반도체 수출이 늘었다.',
      '😀 업계는 웃었다!',
      '💡 전망은 밝다?',
    ]);
    expect(splitSentences('그는 웃었다😀. 다음 문장이다.')).toEqual(['그는 웃었다😀.', '다음 문장이다.']);
    expect(splitSentences('그는 “좋다. 😀 더 좋다”고 했다. 끝났다.')).toEqual([
      '그는 “좋다. 😀 더 좋다”고 했다.',
      '끝났다.',
    ]);
  });

  it('never splits inside nested quotations or 「」 titles', () => {
    expect(splitSentences('그는 “그녀가 ‘좋다. 더 좋다’고 했다. 정말이다”라고 전했다. 다음이다.')).toEqual([
      '그는 “그녀가 ‘좋다. 더 좋다’고 했다. 정말이다”라고 전했다.',
      '다음이다.',
    ]);
    expect(splitSentences('「첫째다. 둘째다」는 제목이다. 끝이다.')).toEqual([
      '「첫째다. 둘째다」는 제목이다.',
      '끝이다.',
    ]);
  });

  it('ends at ?!, full-width marks and 。, and treats no-break and ideographic spaces as spaces', () => {
    expect(splitSentences('정말인가?! 그렇다！ 확인했다。 끝이다.')).toEqual([
      '정말인가?!',
      '그렇다！',
      '확인했다。',
      '끝이다.',
    ]);
    expect(splitSentences('첫 문장이다.\u00a0둘째 문장이다.\u2028셋째\u3000문장이다.')).toEqual([
      '첫 문장이다.',
      '둘째 문장이다.',
      '셋째 문장이다.',
    ]);
  });

  it('returns only pieces that end like a sentence, none of them cut', () => {
    const text = [
      '(서울=뉴스) 반도체 수출이 늘었다. 업계는 “좋다. 더 좋아진다”고 했다. 가격은 3.5% 올랐다.',
      '2025. 3. 19. 발표에 따르면 U.S. 시장도 컸다! 하반기는 어떨까? 전망은 엇갈린다 …',
    ].join('\n');
    const out = splitSentences(text);
    expect(out.length).toBe(5);
    for (const s of out) {
      expect(isCompleteSentence(s)).toBe(true);
      expect(text).toContain(s);
    }
  });
});

describe('isCompleteSentence', () => {
  it('tells a whole sentence from a cut one', () => {
    expect(isCompleteSentence('수출이 늘었다.')).toBe(true);
    expect(isCompleteSentence('“수출이 늘었다.”')).toBe(true);
    expect(isCompleteSentence('수출이 늘었다')).toBe(true);
    expect(isCompleteSentence('수출이 늘어…')).toBe(false);
    expect(isCompleteSentence('수출이 늘어나는 추세를 보이')).toBe(false);
  });
});
