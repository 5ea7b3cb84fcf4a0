import { createHash } from 'node:crypto';

const digests = new WeakMap<Uint8Array, string>();

/**
 * The SHA-256 of bytes that stay the same for a whole process (a template's font files),
 * in hexadecimal, computed once per bytes object: the web pages name a font by it, the
 * Word documents key its obfuscation with it, and the output folder records it.
 */
export function constantDigest(bytes: Uint8Array): string {
  let digest = digests.get(bytes);
  if (digest === undefined) digests.set(bytes, (digest = createHash('sha256').update(bytes).digest('hex')));
  return digest;
}
