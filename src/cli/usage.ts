export const USAGE = `Usage: factsheet <command> [options]

Multilingual fact sheets from one registry of figures.

Commands:
  check              read every sheet and the figures registry; report every problem
  build              check, then write every sheet without errors as PDF, Word and HTML

Options:
  --root DIR         project root (default: the current directory)
  -h, --help         show this help
  -V, --version      show the version

Options of build:
  --sheet ID         build only this sheet (repeatable)
  --lang L           build only this language (repeatable)
  --format F,...     formats among pdf, docx, html (default: all three)
  --out DIR          output folder (default: out)

Exit status: 0 when clean, 1 when there are errors, 2 for a usage error.
Builds are reproducible; SOURCE_DATE_EPOCH, when set, is the date documents carry.
`;
