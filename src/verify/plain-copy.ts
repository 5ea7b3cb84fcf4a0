/**
 * A copy of a message as a worker would receive it (the structured clone algorithm),
 * made in JavaScript for what pdf.js sends between its API and its worker code: plain
 * objects, arrays, strings, numbers and typed arrays. Anything else (a Map, an error, a
 * class instance) is copied by `structuredClone` itself. Not a general clone: no cycles
 * (pdf.js messages have none; a message nested deeper than {@link MAX_DEPTH} is handed to
 * `structuredClone` whole), and an object referenced twice is copied twice.
 *
 * Why not `structuredClone` for everything: the text of a page travels as a thousand
 * small items in a hundred messages, and the engine's clone of many small objects costs
 * more than all the rest of the message passing.
 */
export function plainCopy<T>(message: T, transfer: readonly unknown[] = []): T {
  try {
    return copy(message, transfer, 0) as T;
  } catch (error) {
    if (error !== TOO_DEEP) throw error;
    return structuredClone(message);
  }
}

const MAX_DEPTH = 64;
const TOO_DEEP = Symbol('too deep');

function copy(value: unknown, transfer: readonly unknown[], depth: number): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') return structuredClone(value); // throws, as posting it would
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) throw TOO_DEEP;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], transfer, depth + 1);
    return out;
  }
  if (ArrayBuffer.isView(value)) {
    // A transferred buffer changes hands: the sender gives it up, as it would to a worker.
    if (transfer.includes(value.buffer)) return value;
    return structuredClone(value);
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key], transfer, depth + 1);
  return out;
}
