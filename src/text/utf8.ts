/**
 * Where a byte sequence stops being UTF-8. Node answers only yes or no
 * (`TextDecoder` with `fatal` throws without an offset, `buffer.isUtf8` returns a
 * boolean), and a user needs the place of the bad byte to find it; this scanner
 * follows the well-formed sequences of the Unicode Standard (table 3-7), the same
 * ones the decoder accepts.
 */
export interface Utf8Fault {
  /** Offset of the first byte that does not begin or continue a well-formed sequence. */
  offset: number;
  byte: number;
  /** A continuation byte with nothing to continue, a byte UTF-8 never uses, or a lead byte whose sequence is cut short or malformed. */
  reason: 'stray-continuation' | 'never-used' | 'bad-sequence';
}

export function firstUtf8Fault(bytes: Uint8Array): Utf8Fault | null {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const shape = sequenceShape(lead);
    if (!shape) return { offset: i, byte: lead, reason: lead <= 0xbf ? 'stray-continuation' : 'never-used' };
    for (let k = 1; k <= shape.length; k++) {
      const next = bytes[i + k];
      const [low, high] = k === 1 ? [shape.low, shape.high] : [0x80, 0xbf];
      if (next === undefined || next < low || next > high) return { offset: i, byte: lead, reason: 'bad-sequence' };
    }
    i += shape.length + 1;
  }
  return null;
}

/** Continuation count and the range of the second byte, which excludes overlong forms, surrogates and values past U+10FFFF. */
function sequenceShape(lead: number): { length: number; low: number; high: number } | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 1, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 2, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { length: 2, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 3, low: 0x90, high: 0xbf };
  if (lead === 0xf4) return { length: 3, low: 0x80, high: 0x8f };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 3, low: 0x80, high: 0xbf };
  return null;
}
