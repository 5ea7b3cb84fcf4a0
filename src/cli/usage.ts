export const USAGE = `Usage: factsheet <command> [options]

Multilingual fact sheets from one registry of figures.

Commands:
  check                      read every sheet, the registry and the translations; report every problem
  build                      check, then write every sheet without errors as PDF, Word and HTML
  status                     sheets by languages: ok, missing, stale, unreviewed or errors
  figures                    the figures ledger: every figure and every place it is quoted
  watch                      build, then rebuild on every change of sources/, templates/ or factsheet.yaml
  serve                      watch, and serve the output folder on 127.0.0.1 with live reload and previews
  mark-reviewed SHEET [LANG...]
                             record that translations were reviewed against the original as it stands

Options:
  --root DIR                 project root (default: the current directory)
  -h, --help                 show this help
  -V, --version              show the version

Options of check and build:
  --reporter text|json|github
                             how problems are printed (github: workflow-command annotations)
  --strict                   warnings fail too (exit status 1)

Options of build:
  --sheet ID                 build only this sheet (repeatable)
  --lang L                   build only this language (repeatable)
  --format F,...             formats among pdf, docx, html (default: all three)
  --out DIR                  output folder (default: out)
  --force                    write into an output folder that holds files factsheet did not write
                             (they are left in place; only files a build wrote are ever deleted)
  -j, --jobs N               threads rendering at once (default: one per core; 1: no worker threads)
  --quiet                    print only what fails the build and the summary line
  --verbose                  also list the outputs left unchanged, and where rendering ran

Options of watch and serve:
  the options of build (but --reporter), and
  --serve                    (watch) serve the output folder too, as serve does
  --port N                   the port to serve on (default: 4000; 0 picks a free one)

Options of status and figures:
  --json                     print JSON (status: with who reviewed each translation and when)

Options of mark-reviewed:
  --by NAME                  who reviewed (default: the login name in USER); the day recorded is
                             today's, or SOURCE_DATE_EPOCH's when set

Exit status: 0 when clean, 1 when there are errors, 2 for a usage error.
Builds are reproducible; SOURCE_DATE_EPOCH, when set, is the date documents carry.
`;
