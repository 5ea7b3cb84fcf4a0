export { readProject, SOURCES_DIR, type ProjectSources, type SheetSource, type BoilerplateSource } from './read-project.js';
export { readTemplates, resolveFontFile, TEMPLATES_DIR, type TemplateSource, type TemplatesSources } from './read-templates.js';
export { ProjectFiles, type RefusedLink } from './files.js';
