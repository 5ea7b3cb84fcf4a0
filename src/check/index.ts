export { checkProject, type CheckOptions, type CheckResult } from './check-project.js';
export { projectStatus, describeCell, type ProjectStatus, type StatusCell, type StatusRow, type CellState } from './status.js';
export { RULES, type RuleInfo } from './rules.js';
