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

/**
 * `make`, made once per content: the same bytes object finds its value at once, and bytes
 * read again (each build of a watch reads the templates again) find what was made of the
 * same bytes before. A `make` that throws is tried again next time.
 */
export function perContent<T>(make: (bytes: Uint8Array) => T): (bytes: Uint8Array) => T {
  const byObject = new WeakMap<Uint8Array, T>();
  const byDigest = new Map<string, T>();
  return (bytes) => {
    let value = byObject.get(bytes);
    if (value === undefined) {
      const digest = constantDigest(bytes);
      value = byDigest.get(digest);
      if (value === undefined) byDigest.set(digest, (value = make(bytes)));
      byObject.set(bytes, value);
    }
    return value;
  };
}
