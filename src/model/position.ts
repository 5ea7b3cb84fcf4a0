/** A place in a source file: 1-based line and column, 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** The stretch of a source file a node was read from. */
export interface Span {
  start: Point;
  end: Point;
}

/** A span together with the file it belongs to (project-relative, `/`-separated). */
export interface Location extends Span {
  file: string;
}
