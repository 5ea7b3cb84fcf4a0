import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { ProjectSources } from '../sources/read-project.js';
import type { RefusedLink } from '../sources/files.js';
import { describeCodePoint, isNoncharacter } from '../text/characters.js';
import type { ReadProblem } from '../text/read-problem.js';
import type { SourceFile } from '../text/source-file.js';

/** Every file the project read, so that none of their read problems goes unreported. */
export function filesRead(sources: ProjectSources): SourceFile[] {
  const { templates } = sources;
  return [
    sources.config,
    sources.figures,
    ...sources.boilerplate.map((b) => b.file),
    ...sources.countryNames.map((n) => n.file),
    ...sources.sheets.map((s) => s.file),
    ...sources.locks.values(),
    templates.indexPage,
    templates.figuresPage,
    ...templates.templates.flatMap((t) => [t.page, ...t.partials, t.style, t.labels, t.manifest, ...t.assets.values()]),
  ].filter((file): file is SourceFile => file !== null);
}

/** The problems met while reading the project: encodings, characters, links leading out of it. */
export function readDiagnostics(sources: ProjectSources): Diagnostic[] {
  return [...filesRead(sources).flatMap((file) => file.problems.map((problem) => readDiagnostic(file, problem))), ...sources.refused.map(refusedDiagnostic)];
}

function readDiagnostic(file: SourceFile, problem: ReadProblem): Diagnostic {
  switch (problem.kind) {
    case 'encoding-invalid': {
      const byte = `0x${problem.byte.toString(16).toUpperCase().padStart(2, '0')}`;
      const what =
        problem.reason === 'stray-continuation'
          ? `byte ${byte} continues no character`
          : problem.reason === 'never-used'
            ? `byte ${byte} never occurs in UTF-8`
            : `byte ${byte} begins a sequence that is cut short or malformed`;
      return diagnostic(
        'error',
        'source-encoding-invalid',
        file.location(problem.offset),
        `not valid UTF-8: ${what}; the file was probably saved in another encoding (such as Windows-1252): save it as UTF-8`,
      );
    }
    case 'encoding-other':
      return diagnostic('error', 'source-encoding-invalid', file.location(0), `saved as ${problem.encoding}; save it as UTF-8`);
    case 'character-invalid': {
      const what = isNoncharacter(problem.codePoint) ? 'the Unicode noncharacter' : 'the control character';
      const end = problem.offset + (problem.codePoint > 0xffff ? 2 : 1);
      return diagnostic('error', 'source-character-invalid', file.location(problem.offset, end), `${what} ${describeCodePoint(problem.codePoint)} cannot be published in any format; delete it`);
    }
    case 'outside-project':
      return diagnostic('error', 'source-outside-project', file.location(0), outsideMessage(problem.link, problem.target));
  }
}

function refusedDiagnostic(link: RefusedLink): Diagnostic {
  const start = { line: 1, column: 1, offset: 0 };
  return diagnostic('error', 'source-outside-project', { file: link.path, start, end: start }, outsideMessage(link.path, link.target));
}

function outsideMessage(link: string, target: string): string {
  return `"${link}" is a link to "${target}", outside the project: sources and templates are read only from inside the project, so it was not read`;
}
