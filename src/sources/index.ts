export { readProject, SOURCES_DIR, type ProjectSources, type SheetSource, type BoilerplateSource } from './read-project.js';
export { readTemplates, TEMPLATES_DIR, type TemplateSource, type TemplatesSources } from './read-templates.js';
export { ProjectFiles, type RefusedLink } from './files.js';
export { locateFont, type FontSource } from './read-fonts.js';
export { toolVersion } from './tool-version.js';
