import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Shape } from '../model/context-shape.js';
import type { TemplateSource } from '../sources/read-templates.js';
import type { SourceFile } from '../text/source-file.js';
import { walkTemplate } from './template-context.js';

/**
 * Checks a Handlebars page against the shape of the context the build renders it
 * with (fields, partials, helpers), and that what it writes is an HTML document.
 */
export function checkPage(page: SourceFile, shape: Shape, partials: readonly SourceFile[] = []): Diagnostic[] {
  const byName = new Map(partials.map((file) => [file.path.replace(/^.*\//, '').replace(/\.hbs$/, ''), file]));
  const walk = walkTemplate(page, shape, byName);
  const problem = documentProblem(page, walk.content);
  return problem ? [...walk.diagnostics, problem] : walk.diagnostics;
}

/** The page of a template folder, with its partials. */
export function checkTemplatePage(source: TemplateSource, shape: Shape): Diagnostic[] {
  return source.page ? checkPage(source.page, shape, source.partials) : [];
}

function documentProblem(page: SourceFile, content: string): Diagnostic | null {
  const missing = page.text.trim() === '' ? 'is empty' : !/<html[\s>]/i.test(content) ? 'writes no <html> element' : !/<body[\s>]/i.test(content) ? 'writes no <body> element' : null;
  return missing ? diagnostic('error', 'template-page-invalid', page.head(), `${page.path} ${missing}: it must produce an HTML document`) : null;
}
