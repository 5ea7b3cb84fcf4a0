// pdfjs-dist ships no declarations for its worker module; the verifier only hands it to
// pdf.js as `globalThis.pdfjsWorker`, so its one export is all that needs a type.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
