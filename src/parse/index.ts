export { parseSheet, type ParsedSheet, type SheetInput } from './sheet.js';
export { parseConfig, CONFIG_FILE, type ProjectConfig } from './config.js';
export { parseBoilerplate, BOILERPLATE_DIR } from './boilerplate.js';
export { canonicalLanguageTag } from './language-tag.js';
export { slugify } from './markdown.js';
export { DEFAULT_TEMPLATE } from './metadata.js';
export type { InlineContext } from './inline.js';
export { parseTemplate, handlebarsProblem, MARK_ASSET, type FontLookup } from './template.js';
export { svgAssetProblems } from './svg-asset.js';
