import { Packer, type File } from 'docx';

/*
 * `Packer.pack` compiles a document into the parts of its package, then zips them with
 * fflate's deflate, written in JavaScript; normalize-package.ts then takes the zip apart
 * again to make its bytes depend on the sheet alone, and zips it once more. The parts
 * are taken here straight from the compiler `Packer.pack` uses, so that each is deflated
 * once, by Node's zlib: on 200 sheets x 2 languages, docx's zipping was a twentieth of a
 * render worker's time. The compiler is docx's own (a private static of `Packer`, the
 * same object `pack` calls), so this holds for the docx of the lockfile; where a docx
 * no longer has it, the renderer packs as before (docx-package.test.ts checks that this
 * one does).
 */

/** The parts of a package by path, as docx's compiler gives them: XML as text, media and fonts as bytes. */
export type CompiledParts = Map<string, string | Uint8Array>;

interface Compiler {
  compile(file: File): Map<string, string | Uint8Array | ArrayBuffer>;
}

const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;

/** Whether this docx gives its compiled parts (else documents are packed and unpacked). */
export const compilesParts = typeof compiler?.compile === 'function';

/** The parts `Packer.pack` would zip for `file`, or null where this docx does not give them. */
export function compiledParts(file: File): CompiledParts | null {
  if (!compilesParts) return null;
  const parts: CompiledParts = new Map();
  for (const [path, data] of (compiler as Compiler).compile(file)) {
    parts.set(path, typeof data === 'string' || data instanceof Uint8Array ? data : new Uint8Array(data));
  }
  return parts;
}
