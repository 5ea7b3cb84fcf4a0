// linebreak (the UAX #14 line breaker pdfkit and pdfmake use) ships no type declarations.
declare module 'linebreak' {
  interface Break {
    /** The offset in the text a line may start at. */
    position: number;
    /** A break the text requires (a line feed), not merely allows. */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
