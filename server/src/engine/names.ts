/** Identifier helpers: Postgres' case folding, quoting, type-name canonicalisation. */

/** An identifier Postgres takes unquoted (lower case: unquoted names fold to it). */
const IDENT = /^[a-z_][a-z0-9_$]*$/;

/** Quote an identifier only when Postgres needs it. */
export function quoteIdent(name: string): string {
  return IDENT.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * `schema.name` as a person writes it: after the dot any keyword is a name (`pgmq.create`, `public.select`),
 * so the name is quoted only for upper case or special characters; the schema, and a name alone, also when
 * they are reserved keywords.
 */
export function qualified(schema: string | null | undefined, name: string): string {
  return schema ? `${quoteIdent(schema)}.${IDENT.test(name) ? name : quoteIdent(name)}` : quoteIdent(name);
}

const RESERVED = new Set(
  'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral leading limit localtime localtimestamp not null offset on only or order placing primary references returning select session_user some symmetric system_user table then to trailing true union unique user using variadic when where window with'.split(
    ' ',
  ),
);

/**
 * Parse a dotted name as written in a string constant (`'public.my_seq'::regclass`), applying Postgres'
 * rules: unquoted parts fold to lower case, quoted parts keep case and `""` escapes.
 */
export function parseQualifiedName(text: string): string[] | null {
  const parts: string[] = [];
  let i = 0;
  const s = text.trim();
  while (i < s.length) {
    if (s[i] === '"') {
      let j = i + 1;
      let out = '';
      for (;;) {
        if (j >= s.length) return null;
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            out += '"';
            j += 2;
            continue;
          }
          break;
        }
        out += s[j++];
      }
      parts.push(out);
      i = j + 1;
    } else {
      let j = i;
      while (j < s.length && s[j] !== '.') j++;
      const part = s.slice(i, j).trim();
      if (!part) return null;
      parts.push(part.toLowerCase());
      i = j;
    }
    if (i < s.length) {
      if (s[i] !== '.') return null;
      i++;
    }
  }
  return parts.length ? parts : null;
}

/** Canonical internal name of a type as Postgres stores it (`int` → `int4`), for comparisons. */
export function canonicalTypeName(name: string): string {
  const n = name.toLowerCase();
  return TYPE_ALIASES[n] ?? n;
}

const TYPE_ALIASES: Record<string, string> = {
  integer: 'int4',
  int: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  serial: 'int4',
  serial4: 'int4',
  bigserial: 'int8',
  serial8: 'int8',
  smallserial: 'int2',
  serial2: 'int2',
  boolean: 'bool',
  real: 'float4',
  float: 'float8',
  'double precision': 'float8',
  decimal: 'numeric',
  'character varying': 'varchar',
  character: 'bpchar',
  char: 'bpchar',
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
  'time with time zone': 'timetz',
  'time without time zone': 'time',
};

/** The serial pseudo-types, valid only as column types. */
export const SERIAL_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);

/** Readable SQL spelling of an internal type name, for hovers and messages. */
export function displayTypeName(canonical: string): string {
  return DISPLAY[canonical] ?? canonical;
}

const DISPLAY: Record<string, string> = {
  int4: 'integer',
  int2: 'smallint',
  int8: 'bigint',
  bool: 'boolean',
  float4: 'real',
  float8: 'double precision',
  varchar: 'varchar',
  bpchar: 'char',
  timestamptz: 'timestamptz',
};

/** Levenshtein distance, bounded: returns max+1 as soon as the distance exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}
