export const USAGE = `Usage: factsheet <command> [options]

Multilingual fact sheets from one registry of figures.

Commands:
  check              read every sheet and the figures registry; report every problem

Options:
  --root DIR         project root (default: the current directory)
  -h, --help         show this help
  -V, --version      show the version

Exit status: 0 when clean, 1 when there are errors, 2 for a usage error.
`;
