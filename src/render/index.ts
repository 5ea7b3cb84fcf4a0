export { FORMATS, outputBytes, type Format, type Output, type Renderer } from './renderer.js';
export { sheetView, runsOf, footerParts, textDirection, autonym, type SheetView, type Run, type Alternate, type ViewOptions } from './view.js';
export { renderers } from './registry.js';
