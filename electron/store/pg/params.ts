// better-sqlite3's parameters (`?` in order, `@name` from an object) as PostgreSQL's `$n`. Text
// inside quotes is left alone, as are operators that start with `@` or `?` but name nothing.
//
// `@x IS NULL OR col = @x` is how the store writes an optional filter. PostgreSQL types a parameter
// where it first meets it, and cannot type one from IS NULL alone; so that test gets a parameter of
// its own, text, bound to null or to a marker: the same truth value, and `@x` keeps its real type.

export interface Translated {
  text: string;
  /** For each $n, the name it came from, its position among the `?`s, or a null test of a name. */
  slots: (string | number | { isNull: string })[];
}

const cache = new Map<string, Translated>();

export function translate(source: string): Translated {
  const hit = cache.get(source);
  if (hit) return hit;
  // PostgreSQL folds unquoted names to lower case; the store's camelCase aliases must keep theirs.
  const sql = source.replace(/\bAS\s+([a-z_][a-z0-9_]*[A-Z][A-Za-z0-9_]*)\b/g, 'AS "$1"');
  const slots: Translated['slots'] = [];
  const named = new Map<string, number>();
  let positional = 0;
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] as string;
    if (quote) {
      out += c;
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c === '?') {
      slots.push(positional++);
      out += `$${slots.length}`;
      continue;
    }
    const name = c === '@' ? /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))?.[0] : undefined;
    if (name && /^\s+IS\s+NULL\b/i.test(sql.slice(i + 1 + name.length))) {
      slots.push({ isNull: name });
      out += `CAST($${slots.length} AS text)`;
      i += name.length;
      continue;
    }
    if (name) {
      let n = named.get(name);
      if (n === undefined) {
        slots.push(name);
        n = slots.length;
        named.set(name, n);
      }
      out += `$${n}`;
      i += name.length;
      continue;
    }
    out += c;
  }
  const t = { text: out, slots };
  cache.set(source, t);
  return t;
}

/** The values for the slots, from the arguments as better-sqlite3 takes them. */
export function bind(t: Translated, args: unknown[]): unknown[] {
  const [first] = args;
  const byName =
    args.length === 1 &&
    first !== null &&
    typeof first === 'object' &&
    !Array.isArray(first) &&
    !(first instanceof Uint8Array)
      ? (first as Record<string, unknown>)
      : null;
  const flat = byName ? [] : args.flat();
  return t.slots.map((s) => {
    if (typeof s === 'object') {
      const v = byName?.[s.isNull];
      if (v === undefined) throw new Error(`missing SQL parameter @${s.isNull}`);
      return v === null ? null : '1';
    }
    const v = typeof s === 'string' ? byName?.[s] : flat[s];
    if (v === undefined) throw new Error(`missing SQL parameter ${typeof s === 'string' ? '@' + s : s + 1}`);
    // SQLite stores booleans as 0/1; so does the room's schema.
    return typeof v === 'boolean' ? (v ? 1 : 0) : v;
  });
}
