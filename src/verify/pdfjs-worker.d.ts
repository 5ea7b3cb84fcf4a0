// pdfjs-dist declares its API once, for the package's main entry (build/pdf.mjs), and
// nothing for its worker module; the verifier only starts that module on a port, so
// `initializeFromPort` is all of it that needs a type.
declare module 'pdfjs-dist/build/pdf.mjs' {
  export * from 'pdfjs-dist';
}
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: { initializeFromPort(port: unknown): void };
}
