import { deflateRawSync } from 'node:zlib';

/** An entry to deflate (`data`), or one already compressed, copied as it is (`stored`). */
export type ZipEntry = { name: string; data: Uint8Array } | { name: string; stored: StoredEntry };

/** An entry's data as a zip archive holds it: compressed by `method` (0 stored, 8 deflated), with the CRC and size of the data. */
export interface StoredEntry {
  method: number;
  compressed: Uint8Array;
  crc: number;
  size: number;
}

/**
 * A zip archive of the entries in the order given, every entry dated `mtime`: `data` deflated, `stored` copied.
 *
 * Written here rather than with fflate's `zipSync`, which converts dates to the DOS time of zip headers in the
 * local time zone: the same date would give different bytes in different time zones. Here the date's UTC fields
 * are written, and nothing else varies: no extra fields, no comments, DOS as the system that made the entries.
 */
export function zipEntries(entries: readonly ZipEntry[], mtime: Date): Uint8Array {
  const { time, date } = dosDateTime(mtime);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const utf8Name = name.length !== entry.name.length;
    const { method, compressed, crc, size } = 'stored' in entry ? entry.stored : deflated(entry.data);
    const local = new Uint8Array(30 + name.length + compressed.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed to extract: 2.0 (deflate)
    lv.setUint16(6, utf8Name ? 0x0800 : 0, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressed.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);
    local.set(compressed, 30 + name.length);

    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true); // made by: MS-DOS, 2.0
    cv.setUint16(6, 20, true);
    cv.setUint16(8, utf8Name ? 0x0800 : 0, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressed.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    // extra length, comment length, disk, internal and external attributes: all 0
    cv.setUint32(42, offset, true);
    central.set(name, 46);

    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

/**
 * Data deflated as a zip entry holds it (raw DEFLATE, no zlib header), by Node's zlib,
 * which the PDFs' streams are compressed with too: the fonts a worker packs once for its
 * Word documents took it 0.2 to 0.3 s with fflate's deflate, not yet optimised in a new
 * worker, and 0.06 s with zlib, in 2 % fewer bytes.
 */
export function deflated(data: Uint8Array): StoredEntry {
  return { method: 8, compressed: deflateRawSync(data, { level: 6 }), crc: crc32(data), size: data.length };
}

/**
 * The entries of a zip archive, by name in the archive's order, as stored: what
 * {@link zipEntries} can copy without inflating and deflating them again. Null when the
 * archive is not the plain kind zip writers such as fflate's `zipSync` make (one disk,
 * no zip64, no encryption, deflated or stored entries, sizes in the headers), which the
 * caller then unzips the ordinary way.
 */
export function storedEntries(zip: Uint8Array): Map<string, StoredEntry> | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22; // an archive without a comment
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 8, true) !== count) return null;
  const entries = new Map<string, StoredEntry>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let i = 0; i < count; i++) {
      if (view.getUint32(at, true) !== 0x02014b50) return null;
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const crc = view.getUint32(at + 16, true);
      const compressedSize = view.getUint32(at + 20, true);
      const size = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      // Encrypted (bit 0) or sizes after the data (bit 3), or a compression other than none or deflate.
      if (flags & 0x9 || (method !== 0 && method !== 8) || compressedSize === 0xffffffff || size === 0xffffffff) return null;
      const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
      if (view.getUint32(local, true) !== 0x04034b50) return null;
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + compressedSize > zip.length || entries.has(name)) return null;
      entries.set(name, { method, compressed: zip.subarray(start, start + compressedSize), crc, size });
      at += 46 + nameLength + extraLength + commentLength;
    }
  } catch {
    return null; // a header past the end, or a name that is not UTF-8
  }
  return entries;
}

/** The DOS date and time of zip headers, from a date's UTC fields (two-second precision, 1980 to 2107). */
export function dosDateTime(when: Date): { time: number; date: number } {
  const year = Math.min(Math.max(when.getUTCFullYear(), 1980), 2107);
  const clamped = year !== when.getUTCFullYear();
  const [month, day, hours, minutes, seconds] = clamped
    ? year === 1980
      ? [1, 1, 0, 0, 0]
      : [12, 31, 23, 59, 58]
    : [when.getUTCMonth() + 1, when.getUTCDate(), when.getUTCHours(), when.getUTCMinutes(), when.getUTCSeconds()];
  return { time: (hours << 11) | (minutes << 5) | (seconds >> 1), date: ((year - 1980) << 9) | (month << 5) | day };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
