import { describe, expect, it } from 'vitest';
import type { FigureRef, Inline, Link, Strong, Text } from '../src/model/index.js';
import { plainText } from '../src/model/index.js';
import { comparable, typesetText, typographyOf } from '../src/typography/index.js';
import { typesetRun } from '../src/typography/typeset-run.js';
import { serialize } from 'node:v8';
import { checkProject } from '../src/check/index.js';
import { readProject } from '../src/sources/index.js';
import { typesetSheet } from '../src/typography/typeset-sheet.js';
import { REPO } from './helpers/project.js';

// The narrow no-break space, spelt out so that every expected string shows where it stands.
const N = '\u202f';
const at = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const text = (value: string): Text => ({ type: 'text', value, span: at });
const strong = (...children: Inline[]): Strong => ({ type: 'strong', children, span: at });
const link = (url: string, ...children: Inline[]): Link => ({ type: 'link', url, children, span: at });
const figure = (id: string, shown: string): FigureRef => ({ type: 'figure', id, form: 'month', value: '1994-12', text: shown, span: at });

/** A run typeset in a language, read back as its text. */
function typeset(lang: string, ...inlines: Inline[]): string {
  typesetRun(inlines, typographyOf(lang)!);
  return plainText(inlines);
}

describe('French spaces: a narrow no-break space before ; : ! ? and inside « »', () => {
  it.each([
    ['a typed space is replaced', 'Partenariats : une approche', `Partenariats${N}: une approche`],
    ['none typed is added', 'objectifs stratégiques:', `objectifs stratégiques${N}:`],
    ['a no-break space typed is replaced', 'Oui\u00a0!', `Oui${N}!`],
    ['before each of ; : ! ?', 'a ; b : c ! d ?', `a${N}; b${N}: c${N}! d${N}?`],
    ['a run of them takes one space, before the first', 'Vraiment ?!', `Vraiment${N}?!`],
    ['inside typed guillemets', 'la « sécurité » et «paix»', `la «${N}sécurité${N}» et «${N}paix${N}»`],
    ['the label of the phone line', 'Tél.:', `Tél.${N}:`],
    ['punctuation glued to what follows is left: hours, addresses, queries', 'à 14:30, voir https://www.nato.int/a?b=1 ou presse@hq.nato.int : merci', `à 14:30, voir https://www.nato.int/a?b=1 ou presse@hq.nato.int${N}: merci`],
  ])('%s', (_, typed, expected) => {
    expect(typesetText(typed, 'fr')).toBe(expected);
  });

  it('sees across markup: the space goes where the punctuation is, the guillemets keep theirs', () => {
    expect(typeset('fr', text('la formule « '), strong(text('partenaires mondiaux')), text(' », ces pays'))).toBe(`la formule «${N}partenaires mondiaux${N}», ces pays`);
    expect(typeset('fr', strong(text('Attention ')), text(': la suite'))).toBe(`Attention${N}: la suite`);
  });

  it('comes before a colon that follows a figure, and the figure text stays whole', () => {
    const inlines: Inline[] = [text('En '), figure('operations.contributors', 'décembre 2012'), text(': 24 pays')];
    expect(typeset('fr', ...inlines)).toBe(`En décembre 2012${N}: 24 pays`);
    expect(inlines[1]).toMatchObject({ id: 'operations.contributors', value: '1994-12', text: 'décembre 2012' });
  });

  it('is French only: English, German, Russian keep their punctuation as typed', () => {
    expect(typesetText('Note: yes; no! why?', 'en')).toBe('Note: yes; no! why?');
    expect(typesetText('Hinweis: ja!', 'de')).toBe('Hinweis: ja!');
    expect(typesetText('Итог: да!', 'ru')).toBe('Итог: да!');
  });

  it('takes the row of the language for a regional tag', () => {
    expect(typesetText('Oui !', 'fr-CA')).toBe(`Oui${N}!`);
  });
});

describe('quotes and apostrophes as each language writes them', () => {
  it.each([
    ['fr', `l'OTAN et la "sécurité coopérative"`, `l’OTAN et la «${N}sécurité coopérative${N}»`],
    ['fr', `il dit "le mot "partenaire" compte"`, `il dit «${N}le mot “partenaire” compte${N}»`],
    ['en', `NATO's "cooperative 'security' today" and the partners' role`, 'NATO’s “cooperative ‘security’ today” and the partners’ role'],
    ['en', `in the '90s`, 'in the ’90s'],
    ['de', `Er sagte "Hallo 'du' da", gibt's`, 'Er sagte „Hallo ‚du‘ da“, gibt’s'],
    ['ru', 'Он сказал "это "новое" слово"', 'Он сказал «это „новое“ слово»'],
    ['uk', `так звана "колективна безпека", м'ята`, 'так звана «колективна безпека», м’ята'],
    ['ar', 'ما يسمى "الأمن التعاوني"', 'ما يسمى «الأمن التعاوني»'],
  ])('%s: %s', (lang, typed, expected) => {
    expect(typesetText(typed, lang)).toBe(expected);
  });

  it('reads the opening and closing of a quotation across markup', () => {
    expect(typeset('en', text('referred to as "'), strong(text('partners across the globe')), text('", these'))).toBe('referred to as “partners across the globe”, these');
  });

  it('nests straight quotes inside quotes typed curly', () => {
    expect(typesetText('la « règle "une voix" » adoptée', 'fr')).toBe(`la «${N}règle “une voix”${N}» adoptée`);
  });

  it('leaves a language absent from the table as typed', () => {
    expect(typographyOf('ja')).toBeNull();
    expect(typesetText(`"NATO's" : ok`, 'ja')).toBe(`"NATO's" : ok`);
  });
});

describe('no doubled full stop after a figure ending in an abbreviation', () => {
  it('drops the full stop typed after "г." or "p." that ends a sentence', () => {
    expect(typeset('ru', text('Это было в '), figure('events.start', 'декабре 1994 г.'), text('. Затем'))).toBe('Это было в декабре 1994 г. Затем');
    expect(typeset('fr', text('Voir '), strong(figure('pages.first', 'p.')), text('.'))).toBe('Voir p.');
  });

  it('keeps a full stop after a figure that does not end with one, and an ellipsis whole', () => {
    expect(typeset('ru', text('в '), figure('events.start', '1994'), text('.'))).toBe('в 1994.');
    expect(typeset('ru', text('в '), figure('events.start', '1994 г.'), text('...'))).toBe('в 1994 г....');
  });
});

describe('what typography never touches', () => {
  it('link targets, and a link text that is its own address', () => {
    const inlines: Inline[] = [text('voir '), link('https://www.nato.int/a:b?c="d"', text("l'article")), text(' et '), link('https://www.nato.int/x?y=1', text('https://www.nato.int/x?y=1')), text(' !')];
    expect(typeset('fr', ...inlines)).toBe(`voir l’article et https://www.nato.int/x?y=1${N}!`);
    expect((inlines[1] as Link).url).toBe('https://www.nato.int/a:b?c="d"');
  });

  it('addresses and e-mail addresses in running text', () => {
    expect(typesetText("écrire à l'adresse o'brien@hq.nato.int ou www.nato.int/it's:here", 'fr')).toBe("écrire à l’adresse o'brien@hq.nato.int ou www.nato.int/it's:here");
  });

  it('figure ids and values, and the text of a figure beside its neighbours', () => {
    const ref = figure('partners.global', "l'Iraq et l'Afghanistan");
    typesetRun([text('avec '), ref, text(' ;')], typographyOf('fr')!);
    expect(ref).toMatchObject({ id: 'partners.global', value: '1994-12', text: 'l’Iraq et l’Afghanistan' });
  });
});

describe('comparable text: typography set aside on both sides of a comparison', () => {
  it('reads straight and curly quotes, and French spaces, alike', () => {
    expect(comparable(`la «${N}sécurité${N}»${N}; oui`)).toBe(comparable('la "sécurité"; oui'));
    expect(comparable('NATO’s “role”')).toBe(comparable(`NATO's "role"`));
    expect(comparable('„Hallo“ ‚du‘')).toBe(comparable(`"Hallo" 'du'`));
  });
});

describe('a sheet typeset', () => {
  it('is a copy with its texts typeset and its positions the original sheet\'s, which stays as it was', async () => {
    const result = await checkProject(await readProject(REPO));
    const original = result.parsed.find((sheet) => sheet.lang === 'fr')!;
    const before = serialize(original);
    const typeset = typesetSheet(original);
    expect(serialize(original).equals(before)).toBe(true);
    expect(typeset).not.toBe(original);
    const spans = (sheet: typeof original) => sheet.sections.flatMap((section) => [section.span, ...section.blocks.map((block) => block.span)]);
    const [a, b] = [spans(original), spans(typeset)];
    expect(b.length).toBe(a.length);
    b.forEach((span, i) => expect(span).toBe(a[i]));
    // French: narrow no-break spaces before "?" and ":", which the source types as plain spaces.
    expect(plainText(typeset.sections.flatMap((s) => s.blocks.flatMap((block) => ('children' in block ? block.children : []) as Inline[])))).not.toBe(
      plainText(original.sections.flatMap((s) => s.blocks.flatMap((block) => ('children' in block ? block.children : []) as Inline[]))),
    );
    // Serialised together, as a check keeps a sheet's versions, the positions are written once.
    expect(serialize([original, typeset]).length).toBeLessThan(serialize([original, structuredClone(typeset)]).length * 0.9);
  });
});
