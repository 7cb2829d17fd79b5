/**
 * What a command accepts, read from its usage line, so the help text and the parser can never
 * disagree: `--name VALUE` is a string option, a bare `--flag` a boolean; an option outside
 * `[…]`/`(…)` and not beside a top-level `|` is required; upper-case words outside brackets are
 * required positionals, and a trailing `…`/`...` makes the last one repeatable.
 */
export interface UsageSpec {
  options: Record<string, { type: 'string' | 'boolean' }>;
  required: string[];
  minPositionals: number;
  /** Infinity when the last positional is repeatable. */
  maxPositionals: number;
}

interface Token {
  text: string;
  depth: number;
}

/** Splits on blanks, keeping "quoted words" together and noting the bracket depth of each token. */
function tokenize(usage: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let cur = '';
  let curDepth = 0;
  let quoted = false;
  const flush = () => {
    if (cur) tokens.push({ text: cur, depth: curDepth });
    cur = '';
  };
  for (const ch of usage) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) {
      flush();
      continue;
    }
    if (!cur) curDepth = depth;
    if (!quoted && (ch === '[' || ch === '(')) depth++;
    if (!quoted && (ch === ']' || ch === ')')) depth--;
    cur += ch;
    // A token's depth counts its own opening brackets: `(--can` is inside the group it opens.
    if (/^[[(]*$/.test(cur)) curDepth = depth;
  }
  flush();
  return tokens;
}

const OPTION = /^[[(]*--([a-z][a-z0-9-]*)/;
const isValue = (t: Token | undefined) => t !== undefined && !/^[[(|-]/.test(t.text) && !t.text.startsWith('--');

export function usageSpec(usage: string, commandWords: readonly string[]): UsageSpec {
  const tokens = tokenize(usage).slice(1 + commandWords.length);
  const spec: UsageSpec = { options: {}, required: [], minPositionals: 0, maxPositionals: 0 };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const m = OPTION.exec(t.text);
    if (m) {
      const name = m[1] as string;
      // `--flag]` closes its bracket on the same token: a boolean.
      const takesValue = !/[\])]$/.test(t.text) && isValue(tokens[i + 1]);
      spec.options[name] = { type: takesValue ? 'string' : 'boolean' };
      const after = tokens[i + (takesValue ? 2 : 1)];
      const oneOf = tokens[i - 1]?.text === '|' || after?.text === '|';
      if (t.depth === 0 && !oneOf) spec.required.push(name);
      if (takesValue) i++;
      continue;
    }
    if (t.depth > 0 || t.text === '|' || !/[A-Z<"]/.test(t.text[0] ?? '')) {
      if (/(…|\.\.\.)\]?$/.test(t.text)) spec.maxPositionals = Infinity;
      continue;
    }
    spec.minPositionals++;
    spec.maxPositionals = /(…|\.\.\.)$/.test(t.text) ? Infinity : spec.maxPositionals === Infinity ? Infinity : spec.maxPositionals + 1;
  }
  return spec;
}
