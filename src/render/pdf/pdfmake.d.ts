// pdfmake 0.3 ships no type declarations; this covers the part of its server API we use.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
    /** The pdfkit document, laid out and drawn, before it is ended (getBuffer ends it). */
    getStream(): Promise<unknown>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, Record<string, string>>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    /** Called after each page item is drawn, on pdfmake's renderer; taken into each document `createPdf` starts. */
    setProgressCallback(callback: (this: never, progress: number) => void): void;
    /** pdfmake's in-memory files: a font named by a key stored here is read from memory, not disk. */
    virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Buffer): void };
    createPdf(definition: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
