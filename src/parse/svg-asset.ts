import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { SourceFile } from '../text/source-file.js';

/**
 * An SVG asset is inlined into every web page and drawn into every PDF, so it may
 * hold drawing and nothing else: no script, event handler, foreign content, image
 * (pdfmake would embed a file from the disk), external link or style sheet. It is
 * read with a strict XML parser and checked against an allowlist; what is not on
 * it is reported where it stands.
 */
export function svgAssetProblems(file: SourceFile): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const text = file.text;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const unsafe = (offset: number, message: string) => !malformed && problems.push(diagnostic('error', 'template-asset-unsafe', file.location(offset), message));
  let malformed = false;
  let tagStart = 0;
  let attributeStarts = new Map<string, number>();
  let depth = 0;
  let rejectedAt = Infinity; // depth of an element already reported: its content is not reported again
  let seenRoot = false;

  parser.on('error', (error) => {
    if (malformed) return;
    malformed = true;
    const detail = error.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '');
    problems.push(diagnostic('error', 'template-syntax', file.location(Math.min(parser.position, text.length)), `malformed SVG: ${detail}`));
  });
  parser.on('doctype', () => unsafe(text.lastIndexOf('<!DOCTYPE', parser.position), 'a DOCTYPE is not allowed in an SVG asset'));
  parser.on('processinginstruction', (pi) => unsafe(text.lastIndexOf('<?', parser.position), `the processing instruction "<?${pi.target}" is not allowed in an SVG asset`));
  parser.on('cdata', () => {
    // In an HTML page a CDATA section inside <title> or <desc> is not CDATA, and can end in markup.
    if (depth < rejectedAt) unsafe(text.lastIndexOf('<![CDATA[', parser.position), 'a CDATA section is not allowed in an SVG asset; escape the text with &lt; and &amp;');
  });
  parser.on('opentagstart', (tag) => {
    tagStart = Math.max(0, text.lastIndexOf(`<${tag.name}`, parser.position));
    attributeStarts = new Map();
  });
  parser.on('attribute', (attribute) => attributeStarts.set(attribute.name, attributeStart(text, parser.position, attribute.name)));
  parser.on('opentag', (tag) => {
    depth++;
    if (malformed || depth > rejectedAt) return;
    const problem = !seenRoot && tag.local !== 'svg' ? 'the root element must be <svg>' : elementProblem(tag as SaxesTagNS);
    seenRoot = true;
    if (problem) {
      unsafe(tagStart, problem);
      rejectedAt = depth;
      return;
    }
    for (const attribute of Object.values((tag as SaxesTagNS).attributes)) {
      const attributeProblem = attributeProblemOf(tag.name, attribute);
      if (attributeProblem) unsafe(attributeStarts.get(attribute.name) ?? tagStart, attributeProblem);
    }
  });
  parser.on('closetag', () => {
    if (depth === rejectedAt) rejectedAt = Infinity;
    depth--;
  });
  parser.write(text).close();
  return problems;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Elements that draw, group, reuse or describe shapes; nothing that runs, loads or embeds. */
const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan',
  'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern',
]); // prettier-ignore

/** Geometry and presentation attributes; `href` is further limited to `#id`s of the same file. */
const ATTRIBUTES = new Set([
  'id', 'viewBox', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr',
  'd', 'points', 'pathLength', 'transform', 'preserveAspectRatio', 'version', 'baseProfile', 'href', 'style',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit',
  'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity', 'color', 'display', 'visibility',
  'clip-path', 'clip-rule', 'clipPathUnits', 'mask', 'maskUnits', 'maskContentUnits',
  'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod',
  'patternUnits', 'patternContentUnits', 'patternTransform',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'letter-spacing', 'word-spacing',
  'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'vector-effect', 'shape-rendering',
  'role', 'aria-label', 'aria-hidden', 'focusable',
]); // prettier-ignore

/** Properties a `style` attribute may set: the presentation attributes, as CSS. */
const STYLE_PROPERTIES = new Set([...ATTRIBUTES].filter((name) => /^[a-z-]+$/.test(name) && !['id', 'href', 'style', 'role', 'version'].includes(name)));

function elementProblem(tag: SaxesTagNS): string | null {
  if (tag.uri === SVG_NS && ELEMENTS.has(tag.local)) return null;
  const kind = tag.uri === SVG_NS ? `<${tag.name}>` : `<${tag.name}> (not an SVG element)`;
  return `${kind} is not allowed in an SVG asset: it may hold only drawing elements (shapes, text, groups, gradients, clip paths and masks)`;
}

function attributeProblemOf(element: string, attribute: SaxesAttributeNS): string | null {
  const { name, uri, local, value } = attribute;
  if (uri === XMLNS_NS || (uri === XML_NS && (local === 'space' || local === 'lang'))) return null;
  const known = (uri === '' && ATTRIBUTES.has(local)) || (uri === XLINK_NS && local === 'href');
  if (!known) return `attribute "${name}" of <${element}> is not allowed in an SVG asset: it may use only geometry and presentation attributes`;
  if (local === 'href' && !/^#[^\s#]+$/.test(value)) return `"${name}" of <${element}> may only point to an id in the same file ("#id"), found "${value}"`;
  if (/url\(\s*(?!['"]?#)/i.test(value)) return `"${name}" of <${element}> may use url() only for an id in the same file ("url(#id)")`;
  if (local === 'style' && uri === '') return styleProblem(element, value);
  return null;
}

function styleProblem(element: string, value: string): string | null {
  if (/[\\@<>{}]/.test(value)) return `"style" of <${element}> may not contain \\, @, <, > or braces`;
  for (const declaration of value.split(';')) {
    if (declaration.trim() === '') continue;
    const property = /^\s*([a-zA-Z-]+)\s*:/.exec(declaration)?.[1]?.toLowerCase();
    if (!property || !STYLE_PROPERTIES.has(property)) return `"style" of <${element}> may set only presentation properties, found "${declaration.trim()}"`;
  }
  return null;
}

/** Where an attribute's name begins, given the offset just past its closing quote (XML forbids that quote inside the value). */
function attributeStart(text: string, end: number, name: string): number {
  const quote = text[end - 1]!;
  let at = text.lastIndexOf(quote, end - 2) - 1;
  while (at > 0 && /[\s=]/.test(text[at]!)) at--;
  return Math.max(0, at + 1 - name.length);
}
