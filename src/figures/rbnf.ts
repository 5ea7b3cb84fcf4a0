/**
 * A reader of CLDR rule-based number formatting (RBNF) rule sets, for whole numbers only.
 *
 * CLDR spells numbers in every case and gender a language declines them in
 * (`%spellout-cardinal-feminine-genitive`, de `%spellout-cardinal-m`), as rules in ICU's RBNF
 * syntax; no npm library runs those rules, so this module does, following ICU's
 * `NFRuleSet`/`NFRule`: the rule with the greatest base not above the number applies, its
 * divisor is the greatest power of its radix not above that base, `←←` spells the quotient,
 * `→→` the remainder, `==` the number itself, `[...]` is left out when the remainder is zero,
 * and `$(cardinal,one{...}other{...})$` picks the word for the quotient's plural category.
 * Fractions, negative numbers and decimal patterns (`=#,##0=`) are not spelled: callers spell
 * whole numbers of up to 15 digits, which every CLDR rule set covers with words.
 */

/** One rule set as CLDR's JSON gives it: [descriptor, body] pairs ("1000", "←← тысяч[ →→];"). */
export type RuleSetSource = readonly (readonly [string, string])[];

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'sub'; side: 'quotient' | 'remainder' | 'same'; ruleSet: string | null }
  | { kind: 'optional'; parts: Part[] }
  | { kind: 'plural'; forms: ReadonlyMap<string, string> }
  /** `=#,##0=`: digits, where CLDR stops spelling (past 10^18). */
  | { kind: 'digits' };

interface Rule {
  base: bigint;
  divisor: bigint;
  parts: Part[];
}

export class RbnfError extends Error {}

/** The rule sets of one language, spelling whole numbers with any of them. */
export class RuleSets {
  private readonly sets = new Map<string, Rule[]>();
  private readonly plurals: Intl.PluralRules;

  constructor(
    readonly lang: string,
    sources: Readonly<Record<string, RuleSetSource>>,
  ) {
    this.plurals = new Intl.PluralRules(lang);
    for (const [name, rules] of Object.entries(sources)) this.sets.set(name.replace(/^%+/, ''), parseRuleSet(rules));
  }

  has(name: string): boolean {
    return this.sets.has(name);
  }

  names(): string[] {
    return [...this.sets.keys()];
  }

  /** `value` (a whole number, not negative) spelled with rule set `name`, without its soft hyphens. */
  format(name: string, value: bigint): string {
    return this.apply(name, value, 0).replace(/\u00ad/g, '');
  }

  private apply(name: string, value: bigint, depth: number): string {
    // CLDR's rule sets refer to each other; a loop in them would be a defect of the data.
    if (depth > 64) throw new RbnfError(`rule set "${name}" recurses without end`);
    const rules = this.sets.get(name);
    if (!rules) throw new RbnfError(`no rule set "${name}" in language "${this.lang}"`);
    const rule = findRule(rules, value);
    if (!rule) throw new RbnfError(`rule set "${name}" has no rule for ${value}`);
    return this.render(rule.parts, rule, name, value, depth);
  }

  private render(parts: readonly Part[], rule: Rule, name: string, value: bigint, depth: number): string {
    let out = '';
    for (const part of parts) {
      switch (part.kind) {
        case 'text':
          out += part.text;
          break;
        case 'optional':
          if (value % rule.divisor !== 0n) out += this.render(part.parts, rule, name, value, depth);
          break;
        case 'digits':
          throw new RbnfError(`rule set "${name}" writes ${value} in digits, not words`);
        case 'plural': {
          const category = this.plurals.select(Number(value / rule.divisor));
          out += part.forms.get(category) ?? part.forms.get('other') ?? '';
          break;
        }
        case 'sub': {
          const n = part.side === 'quotient' ? value / rule.divisor : part.side === 'remainder' ? value % rule.divisor : value;
          out += this.apply(part.ruleSet ?? name, n, depth + 1);
        }
      }
    }
    return out;
  }
}

/** ICU's choice: the last rule whose base is not above the value, or the one before when the value is a multiple of the divisor its own base is not ("rollback"). */
function findRule(rules: readonly Rule[], value: bigint): Rule | null {
  let found = -1;
  for (let i = 0; i < rules.length && rules[i]!.base <= value; i++) found = i;
  if (found < 0) return null;
  const rule = rules[found]!;
  const hasRemainder = (parts: readonly Part[]): boolean =>
    parts.some((p) => (p.kind === 'sub' && p.side === 'remainder') || (p.kind === 'optional' && hasRemainder(p.parts)));
  if (found > 0 && hasRemainder(rule.parts) && value % rule.divisor === 0n && rule.base % rule.divisor !== 0n) return rules[found - 1]!;
  return rule;
}

function parseRuleSet(source: RuleSetSource): Rule[] {
  const rules: Rule[] = [];
  for (const [descriptor, body] of source) {
    const match = /^(\d+)(?:\/(\d+))?$/.exec(descriptor);
    // "-x", "x.x", "Inf", "NaN": rules for what is never spelled here.
    if (!match) continue;
    const base = BigInt(match[1]!);
    const radix = BigInt(match[2] ?? '10');
    let divisor = 1n;
    while (divisor * radix <= base) divisor *= radix;
    rules.push({ base, divisor, parts: parseBody(body) });
  }
  return rules.sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
}

const SUBSTITUTION = /^(←|→|=|<|>)(%{1,2}[\w-]+)?(?:[#0,.]*)\1{1,2}/u;

/** The parts of a rule's text: literal text, substitutions, optional text and plural words. */
function parseBody(body: string): Part[] {
  // A leading apostrophe keeps the spaces after it; the final ";" ends the rule.
  let text = body.replace(/;\s*$/, '').replace(/^\s+/, '');
  if (text.startsWith("'")) text = text.slice(1);
  const stack: Part[][] = [[]];
  const push = (part: Part) => stack[stack.length - 1]!.push(part);
  for (let i = 0; i < text.length; ) {
    const rest = text.slice(i);
    const sub = SUBSTITUTION.exec(rest);
    if (sub) {
      const side = sub[1] === '←' || sub[1] === '<' ? 'quotient' : sub[1] === '→' || sub[1] === '>' ? 'remainder' : 'same';
      push(/[#0]/.test(sub[0]) ? { kind: 'digits' } : { kind: 'sub', side, ruleSet: sub[2] ? sub[2].replace(/^%+/, '') : null });
      i += sub[0].length;
    } else if (rest.startsWith('$(')) {
      const end = rest.indexOf(')$');
      if (end < 0) throw new RbnfError(`unclosed plural in "${body}"`);
      const forms = new Map<string, string>();
      for (const form of rest.slice(2, end).replace(/^\w+,/, '').matchAll(/(\w+)\{([^}]*)\}/g)) forms.set(form[1]!, form[2]!);
      push({ kind: 'plural', forms });
      i += end + 2;
    } else if (rest[0] === '[') {
      const optional: Part = { kind: 'optional', parts: [] };
      push(optional);
      stack.push(optional.parts);
      i++;
    } else if (rest[0] === ']' && stack.length > 1) {
      stack.pop();
      i++;
    } else {
      push({ kind: 'text', text: rest[0]! });
      i++;
    }
  }
  return merge(stack[0]!);
}

/** Joins runs of single characters into one text part. */
function merge(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.kind === 'text' && last?.kind === 'text') last.text += part.text;
    else out.push(part.kind === 'optional' ? { kind: 'optional', parts: merge(part.parts) } : part);
  }
  return out;
}
