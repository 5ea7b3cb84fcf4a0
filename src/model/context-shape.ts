/**
 * The shape of a context a Handlebars page is rendered with: which fields exist,
 * which are lists, which may be null. The code that builds a context keeps its shape
 * beside it; check walks templates against the shape, and a test holds real
 * contexts to it, so the two cannot drift apart.
 */
export type Shape =
  | { kind: 'text' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  /** Markup already escaped (a Handlebars SafeString). */
  | { kind: 'html' }
  /** One exact string, which tells the members of a union apart. */
  | { kind: 'literal'; value: string }
  | { kind: 'nullable'; of: Shape }
  | { kind: 'list'; item: Shape }
  | { kind: 'object'; fields: Readonly<Record<string, Shape>> }
  | { kind: 'union'; members: readonly Shape[] };

export const text: Shape = { kind: 'text' };
export const number: Shape = { kind: 'number' };
export const boolean: Shape = { kind: 'boolean' };
export const html: Shape = { kind: 'html' };
export const literal = (value: string): Shape => ({ kind: 'literal', value });
export const nullable = (of: Shape): Shape => ({ kind: 'nullable', of });
export const list = (item: Shape): Shape => ({ kind: 'list', item });
export const object = (fields: Record<string, Shape>): Shape => ({ kind: 'object', fields });
export const union = (...members: Shape[]): Shape => ({ kind: 'union', members });
/** An object with the same shape under each of the given keys. */
export const record = (keys: readonly string[], value: Shape): Shape => object(Object.fromEntries(keys.map((key) => [key, value])));

/** What a value lacks or has too much of against a shape, one line per difference; none when it conforms. */
export function shapeMismatches(value: unknown, shape: Shape, at = 'context'): string[] {
  switch (shape.kind) {
    case 'text':
      return typeof value === 'string' ? [] : [`${at} is ${describe(value)}, not text`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at} is ${describe(value)}, not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at} is ${describe(value)}, not true or false`];
    case 'html':
      return isSafeString(value) ? [] : [`${at} is ${describe(value)}, not escaped markup`];
    case 'literal':
      return value === shape.value ? [] : [`${at} is ${JSON.stringify(value)}, not "${shape.value}"`];
    case 'nullable':
      return value === null ? [] : shapeMismatches(value, shape.of, at);
    case 'list':
      if (!Array.isArray(value)) return [`${at} is ${describe(value)}, not a list`];
      return value.flatMap((item, i) => shapeMismatches(item, shape.item, `${at}[${i}]`));
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || isSafeString(value)) return [`${at} is ${describe(value)}, not an object`];
      const extra = Object.keys(value).filter((key) => !(key in shape.fields));
      return [
        ...extra.map((key) => `${at}.${key} is not described`),
        ...Object.entries(shape.fields).flatMap(([key, field]) => (key in value ? shapeMismatches((value as Record<string, unknown>)[key], field, `${at}.${key}`) : [`${at}.${key} is missing`])),
      ];
    }
    case 'union': {
      const tries = shape.members.map((member) => shapeMismatches(value, member, at));
      return tries.some((t) => t.length === 0) ? [] : [`${at} matches no described kind: ${tries.map((t) => t[0]).join('; ')}`];
    }
  }
}

function isSafeString(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { toHTML?: unknown }).toHTML === 'function';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `text ${JSON.stringify(value)}` : typeof value;
}
