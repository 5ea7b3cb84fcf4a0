import { deflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/**
 * A zip archive of the entries in the order given, every entry deflated and dated `mtime`.
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
    const compressed = deflateSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const local = new Uint8Array(30 + name.length + compressed.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed to extract: 2.0 (deflate)
    lv.setUint16(6, utf8Name ? 0x0800 : 0, true);
    lv.setUint16(8, 8, true); // deflate
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressed.length, true);
    lv.setUint32(22, entry.data.length, true);
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
    cv.setUint16(10, 8, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressed.length, true);
    cv.setUint32(24, entry.data.length, true);
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
