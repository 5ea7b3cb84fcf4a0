import type { Location } from '../model/position.js';
import { LineIndex } from './line-index.js';
import { normalizeText } from './normalize.js';

/** A file's normalized text, its project-relative path and a way to turn offsets into places. */
export class SourceFile {
  readonly text: string;
  readonly lines: LineIndex;

  constructor(
    readonly path: string,
    raw: string,
  ) {
    this.text = normalizeText(raw);
    this.lines = new LineIndex(this.text);
  }

  location(start: number, end: number = start): Location {
    return { file: this.path, start: this.lines.point(start), end: this.lines.point(Math.max(start, end)) };
  }

  /** The whole first line, for problems that concern the file as a whole. */
  head(): Location {
    const end = this.text.indexOf('\n');
    return this.location(0, end < 0 ? this.text.length : end);
  }
}
