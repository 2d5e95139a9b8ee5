import { describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../../src/collect/blocks.js';

describe('HTML to text blocks', () => {
  it('turns h1–h4 into headings and h5/h6 into paragraphs', () => {
    expect(htmlToBlocks('<h2>소제목</h2><p>본문이다.</p><h5>작은 제목</h5>')).toEqual([
      { kind: 'heading', text: '소제목' },
      { kind: 'paragraph', text: '본문이다.' },
      { kind: 'paragraph', text: '작은 제목' },
    ]);
  });

  it('treats a paragraph that is one short bold line as a heading', () => {
    expect(
      htmlToBlocks('<p><strong>왜 중요한가</strong></p><p><strong>굵은</strong> 글이 섞인 문장은 문단이다.</p>'),
    ).toEqual([
      { kind: 'heading', text: '왜 중요한가' },
      { kind: 'paragraph', text: '굵은 글이 섞인 문장은 문단이다.' },
    ]);
  });

  it('treats a short line led by ✅ as a heading, without the marker', () => {
    expect(
      htmlToBlocks(
        '<p>✅ 핵심 정리</p><p>✅ 이 줄은 마커로 시작하지만 아주 길어서 제목이 될 수 없는 문장이다. 설명이 계속 이어지고 또 이어진다.</p>',
      ),
    ).toEqual([
      { kind: 'heading', text: '핵심 정리' },
      {
        kind: 'paragraph',
        text: '✅ 이 줄은 마커로 시작하지만 아주 길어서 제목이 될 수 없는 문장이다. 설명이 계속 이어지고 또 이어진다.',
      },
    ]);
  });

  it('keeps list items and quotes as their own kinds', () => {
    expect(
      htmlToBlocks(
        '<ul><li>하나</li><li>둘<ul><li>둘-가</li></ul></li></ul><blockquote><p>인용 하나.</p><p>인용 둘.</p></blockquote>',
      ),
    ).toEqual([
      { kind: 'list-item', text: '하나' },
      { kind: 'list-item', text: '둘' },
      { kind: 'list-item', text: '둘-가' },
      { kind: 'quote', text: '인용 하나.' },
      { kind: 'quote', text: '인용 둘.' },
    ]);
  });

  it('splits paragraphs at line breaks and blank lines of plain text', () => {
    expect(htmlToBlocks('첫 줄이다.<br><br>둘째 줄이다.<br>셋째 줄이다.')).toEqual([
      { kind: 'paragraph', text: '첫 줄이다.' },
      { kind: 'paragraph', text: '둘째 줄이다.' },
      { kind: 'paragraph', text: '셋째 줄이다.' },
    ]);
    expect(htmlToBlocks('plain text one.\n\nplain text\ntwo.')).toEqual([
      { kind: 'paragraph', text: 'plain text one.' },
      { kind: 'paragraph', text: 'plain text two.' },
    ]);
  });

  it('leaves figure captions out and reads layout tables cell by cell', () => {
    expect(
      htmlToBlocks(
        '<figure><img src="x"><figcaption>사진=연합뉴스</figcaption></figure><table><tr><td>셀 안의 본문이다.</td></tr></table>',
      ),
    ).toEqual([{ kind: 'paragraph', text: '셀 안의 본문이다.' }]);
  });

  it('reads markup left open or closed out of order as the tree it stands for', () => {
    expect(htmlToBlocks('<p>첫 문단<b>굵게</p>둘째 줄이다.')).toEqual([
      { kind: 'paragraph', text: '첫 문단굵게' },
      { kind: 'paragraph', text: '둘째 줄이다.' },
    ]);
    // The caption ends where its container does; everything inside it is left out.
    expect(htmlToBlocks('<div><figcaption>사진=연합뉴스<p>캡션 속 문단</div>본문이다.')).toEqual([
      { kind: 'paragraph', text: '본문이다.' },
    ]);
    expect(htmlToBlocks('<h2/>제목 없는 글이다.<h3>소제목</h3>')).toEqual([
      { kind: 'paragraph', text: '제목 없는 글이다.' },
      { kind: 'heading', text: '소제목' },
    ]);
    expect(htmlToBlocks('<ul><li>하나<li>둘</ul>끝.')).toEqual([
      { kind: 'list-item', text: '하나' },
      { kind: 'list-item', text: '둘' },
      { kind: 'paragraph', text: '끝.' },
    ]);
    expect(htmlToBlocks('<p>a</span>b</p>')).toEqual([{ kind: 'paragraph', text: 'ab' }]);
  });

  it('returns nothing for empty input', () => {
    expect(htmlToBlocks('')).toEqual([]);
    expect(htmlToBlocks('<p> </p><br>')).toEqual([]);
  });
});

describe('figures', () => {
  it('should leave a whole figure out: picture, credit and caption', () => {
    expect(
      htmlToBlocks(
        '<figure><img src="https://cdn.example.com/printer.jpg" alt=" "><cite>Image: Anker</cite><figcaption><em>The printer can make a vase in under an hour.</em></figcaption></figure><p>Anker has launched its first 3D printer on Kickstarter.</p>',
      ),
    ).toEqual([{ kind: 'paragraph', text: 'Anker has launched its first 3D printer on Kickstarter.' }]);
  });
});
