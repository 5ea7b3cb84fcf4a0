import path from 'node:path';
import ts from 'typescript';
import { REPO } from './project.js';

/** A rule id as the sources report it, with the severity given beside it when that is a literal. */
export interface ReportedRule {
  id: string;
  severity: string | null;
  /** file:line of the place, for messages. */
  at: string;
}

/**
 * Every rule id the sources can report, read with the TypeScript compiler so that no
 * spelling of a call escapes a pattern: each argument passed for a parameter named
 * `ruleId` (with the severity passed to `diagnostic` beside it), each `ruleId:`
 * property, each default of a `ruleId` parameter, and the `id` of each rule object
 * (an object literal with `id` and `severity`). Arguments typed by a union of
 * literals (`'a' | 'b'`, a conditional, a const) count with every member.
 */
const REGISTRY = path.join(REPO, 'src/check/rules.ts');

export function reportedRules(): ReportedRule[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(config.fileNames, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const found: ReportedRule[] = [];
  const literals = (node: ts.Node): string[] => {
    const type = checker.getTypeAtLocation(node);
    const parts = type.isUnion() ? type.types : [type];
    return parts.filter((t): t is ts.StringLiteralType => t.isStringLiteral()).map((t) => t.value);
  };
  for (const file of program.getSourceFiles()) {
    // The registry itself is what the finds are checked against.
    if (!file.fileName.startsWith(path.join(REPO, 'src') + path.sep) || file.fileName === REGISTRY) continue;
    const at = (node: ts.Node) => `${path.relative(REPO, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const add = (ids: string[], severity: string[], node: ts.Node) => {
      for (const id of ids) for (const s of severity.length > 0 ? severity : [null]) found.push({ id, severity: s, at: at(node) });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const signature = checker.getResolvedSignature(node);
        const params = signature?.getParameters() ?? [];
        const index = params.findIndex((p) => p.name === 'ruleId');
        const arg = index >= 0 ? node.arguments[index] : undefined;
        if (arg) {
          const severity = ts.isIdentifier(node.expression) && node.expression.text === 'diagnostic' && node.arguments[0] ? literals(node.arguments[0]) : [];
          add(literals(arg), severity, arg);
        }
      } else if (ts.isPropertyAssignment(node) && node.name.getText() === 'ruleId') {
        add(literals(node.initializer), [], node);
      } else if (ts.isParameter(node) && node.name.getText() === 'ruleId' && node.initializer) {
        add(literals(node.initializer), [], node);
      } else if (ts.isObjectLiteralExpression(node)) {
        const property = (name: string) => node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name);
        const id = property('id');
        const severity = property('severity');
        if (id && severity) add(literals(id.initializer), literals(severity.initializer), id);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}
