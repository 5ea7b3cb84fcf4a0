export { checkProject, type CheckResult } from './check-project.js';
