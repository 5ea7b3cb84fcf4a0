export { buildProject, type BuildOptions, type BuildReport } from './build-project.js';
export { writeAtomic } from './write-atomic.js';
