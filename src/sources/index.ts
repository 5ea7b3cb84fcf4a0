export { readProject, SOURCES_DIR, type ProjectSources, type SheetSource, type BoilerplateSource } from './read-project.js';
