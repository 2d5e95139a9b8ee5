import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/compose/article.js';
import { captionRule, hasFiniteVerb, isCaption } from '../../src/compose/caption.js';
import { item, p } from './fixtures.js';

describe('picture captions', () => {
  it('should know a picture credit', () => {
    expect(captionRule('Boris Johnson outside No 10. Photograph: Kirsty Wigglesworth/AP')?.name).toBe('picture credit');
    expect(isCaption('Firefighters at the scene in Croydon (AP Photo/Alastair Grant).')).toBe(true);
    expect(isCaption('A general view of the Senedd in Cardiff, via Getty Images.')).toBe(true);
  });

  it('should know who-is-where lines and photo-desk datelines', () => {
    expect(isCaption('Keir Starmer, left, with the shadow chancellor Rachel Reeves at a factory in Bolton.')).toBe(
      true,
    );
    expect(isCaption('LONDON, ENGLAND - MARCH 23: Commuters cross London Bridge during the rush hour.')).toBe(true);
  });

  it('should know a noun phrase with a place or a time and no verb', () => {
    expect(isCaption('Floodwater across the A38 near Tewkesbury on Sunday morning.')).toBe(true);
    expect(isCaption('Paramedics treating a cyclist outside King’s Cross station last week.')).toBe(true);
    expect(isCaption('A polling station in Belfast during the assembly election in 2017.')).toBe(true);
  });

  it('should keep sentences that report something', () => {
    expect(isCaption('Floodwater closed the A38 near Tewkesbury on Sunday morning.')).toBe(false);
    expect(isCaption('Paramedics treated a cyclist outside King’s Cross station last week.')).toBe(false);
    expect(isCaption('The retirements are seen as a boost to Trump’s power within the party.')).toBe(false);
    expect(isCaption('Starmer, who visited the factory in Bolton, promised to protect jobs.')).toBe(false);
    expect(isCaption('The Bank of England raised interest rates to 0.75% on Thursday.')).toBe(false);
  });

  it('should tell a finite verb from a participle', () => {
    expect(hasFiniteVerb('Protesters marched on Westminster.')).toBe(true);
    expect(hasFiniteVerb('Protesters marching on Westminster.')).toBe(false);
    expect(hasFiniteVerb('The minister denies any wrongdoing.')).toBe(true);
  });

  it('should never take a caption in a body for a sentence of the item', () => {
    const a = prepareArticle(
      item({
        title: 'Storm Eunice: flooding closes roads across the Severn valley',
        source: 'The Western Courier',
        blocks: [
          p('Floodwater across the A38 near Tewkesbury on Sunday morning.'),
          p(
            'Flooding closed dozens of roads across the Severn valley on Sunday after the river burst its banks. The Environment Agency issued three severe flood warnings.',
          ),
          p('A resident clears water from her kitchen in Upton-upon-Severn. Photograph: Ben Birchall/PA'),
        ],
      }),
    );
    expect(a.sentences.map((s) => s.text)).toEqual([
      'Flooding closed dozens of roads across the Severn valley on Sunday after the river burst its banks.',
      'The Environment Agency issued three severe flood warnings.',
    ]);
  });
});
