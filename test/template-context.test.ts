import { describe, expect, it } from 'vitest';
import { figuresContext, FIGURES_CONTEXT_SHAPE, useKey } from '../src/build/figures-page.js';
import { indexContext, INDEX_CONTEXT_SHAPE } from '../src/build/index-page.js';
import { checkProject } from '../src/check/index.js';
import { walkTemplate } from '../src/check/template-context.js';
import { figuresLedger } from '../src/figures/ledger.js';
import { list, nullable, object, shapeMismatches, text } from '../src/model/context-shape.js';
import { plainText } from '../src/model/plain-text.js';
import { htmlContext, HTML_CONTEXT_SHAPE } from '../src/render/html/html-renderer.js';
import { FORMATS, sheetView } from '../src/render/index.js';
import { readProject } from '../src/sources/index.js';
import { SourceFile } from '../src/text/source-file.js';
import { REPO } from './helpers/project.js';

// check walks templates against these shapes; if the code that builds a context drifted from its
// shape, check would pass templates that the build then fails on. The real contexts keep them honest.
describe('the described contexts are the contexts the build renders with', async () => {
  const result = await checkProject(await readProject(REPO));
  const config = result.config!;
  const template = result.templates.get('factsheet')!;
  const labels = template.labels.get(config.sourceLanguage)!;

  it('every sheet of the repository has an HTML context of the described shape', () => {
    expect(result.sheets.length).toBeGreaterThan(2);
    for (const sheet of result.sheets) {
      const context = htmlContext(sheetView(sheet, result.templates.get(sheet.meta.template)!, { languages: config.languages }));
      expect(shapeMismatches(context, HTML_CONTEXT_SHAPE), `${sheet.id} (${sheet.lang})`).toEqual([]);
    }
  });

  it('the index page context has the described shape', () => {
    const ids = [...new Set(result.sheets.map((s) => s.id))];
    const entries = ids.map((id) => ({
      id,
      titles: Object.fromEntries(result.sheets.filter((s) => s.id === id).map((s) => [s.lang, plainText(s.meta.title)])),
      versions: config.languages.map((lang) => ({ lang, formats: [...FORMATS] })),
    }));
    for (const place of [{ lang: config.sourceLanguage, root: '' }, { lang: 'ar', root: '../' }]) {
      expect(shapeMismatches(indexContext(entries, config.languages, config.sourceLanguage, place, template.labels.get(place.lang)!, template), INDEX_CONTEXT_SHAPE)).toEqual([]);
    }
  });

  it('the figures page context has the described shape', () => {
    const ledger = figuresLedger(result.registry!, result.parsed);
    const use = ledger.find((e) => e.uses.length > 0)!.uses[0]!;
    const verified = new Map([[useKey(use.sheet, use.lang, use.index), new Set(['pdf' as const])]]);
    const place = { lang: config.sourceLanguage, root: '' };
    expect(shapeMismatches(figuresContext(ledger, verified, config.languages, place, labels, template), FIGURES_CONTEXT_SHAPE)).toEqual([]);
  });
});

describe('shapeMismatches', () => {
  const shape = object({ title: text, subtitle: nullable(text), tags: list(text) });

  it('names fields the shape lacks, fields the value lacks, and wrong kinds', () => {
    expect(shapeMismatches({ title: 'T', subtitle: null, tags: ['a'], extra: 1 }, shape)).toEqual(['context.extra is not described']);
    expect(shapeMismatches({ title: 'T', tags: [] }, shape)).toEqual(['context.subtitle is missing']);
    expect(shapeMismatches({ title: 1, subtitle: 'S', tags: ['a', null] }, shape)).toEqual(['context.title is number, not text', 'context.tags[1] is null, not text']);
  });
});

describe('walking a template against its context', () => {
  const shape = object({ title: text, items: list(object({ name: text })), contact: nullable(object({ email: text })) });
  const walk = (source: string, partials: Record<string, string> = {}) =>
    walkTemplate(
      new SourceFile('page.hbs', source),
      shape,
      new Map(Object.entries(partials).map(([name, body]) => [name, new SourceFile(`partials/${name}.hbs`, body)])),
    ).diagnostics.map((d) => `${d.location.file}:${d.location.start.line}:${d.location.start.column} ${d.ruleId}: ${d.message}`);

  it('follows the scopes of #each, #with, else, this, ../, @root, block parameters and data variables', () => {
    const ok = '{{#each items as |item i|}}{{item.name}}{{i}}{{name}}{{this.name}}{{../title}}{{@root.title}}{{@index}}{{@first}}{{@last}}{{@key}}{{else}}{{title}}{{/each}}{{#with contact}}{{email}}{{else}}{{title}}{{/with}}{{#if contact}}{{contact.email}}{{/if}}{{lookup contact "email"}}';
    expect(walk(ok)).toEqual([]);
    expect(walk('{{#each items}}{{title}}{{else}}{{name}}{{/each}}{{@first}}{{#with contact}}{{title}}{{/with}}')).toEqual([
      'page.hbs:1:18 template-field-unknown: no field "title" here (fields: name)',
      'page.hbs:1:35 template-field-unknown: no field "name" here (fields: title, items, contact)',
      'page.hbs:1:52 template-field-unknown: no data variable "@first" outside #each; known: @root',
      'page.hbs:1:79 template-field-unknown: no field "title" here (fields: email)',
    ]);
  });

  it('checks a partial in the scope of its call, at its own place', () => {
    expect(walk('{{#each items}}{{> item}}{{/each}}{{> item contact}}', { item: '<li>{{name}}</li>' })).toEqual(['partials/item.hbs:1:7 template-field-unknown: no field "name" here (fields: email)']);
  });
});

describe('walking a template: helpers and partials', () => {
  const shape = object({ title: text, items: list(object({ name: text })) });
  const rules = (source: string) => walkTemplate(new SourceFile('page.hbs', source), shape, new Map()).diagnostics.map((d) => `${d.ruleId}: ${d.message}`);

  it('refuses #each over what is not a list, helpers nobody registered, and partials a page without partials calls', () => {
    expect(rules('{{#each title}}x{{/each}}{{#each (lookup items "0")}}{{@key}}{{this}}{{/each}}{{uppercase title}}{{> footer}}')).toEqual([
      'template-field-unknown: "title" is text, not a list #each can walk',
      'template-helper-unknown: no helper "uppercase": templates may use only lookup, log here',
      'template-partial-unknown: no partial "footer"; this page has no partials',
    ]);
  });
});
