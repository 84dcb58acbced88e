/**
 * Whether an error of libpg_query's PL/pgSQL parser is one PostgreSQL raises too when it creates the
 * function (or runs the DO block).
 *
 * That parser is PostgreSQL's PL/pgSQL grammar without a catalog. Where the grammar asks the catalog
 * whether a variable's type is a row type (composite, `%ROWTYPE`) or a scalar (base type, enum, domain,
 * array), the parser guesses from the type's name: built-in scalar names are scalars, every other name
 * (a user-defined enum or domain, `citext`, `public.t[]`) a row, and an array of such a type `record[]`.
 * The grammar's checks that depend on the answer (`SELECT a, b INTO v1, v2` takes scalars only,
 * `GET DIAGNOSTICS v = …` a scalar, `v.field := …` a row, `RETURNS t[]` not `record[]`, OUT parameters
 * matching RETURNS) then fail or pass on a guess.
 *
 * So an error is certain only when it does not depend on the guess: the function is parsed again twice,
 * once with every type whose kind the parser cannot know made a scalar (`text`) and once made a row
 * (`record`); types whose kind is known keep it (a built-in scalar, `record`, a pseudo-type such as
 * `trigger` or `void`; `%ROWTYPE` is a row, an array a scalar). The error is reported only when both
 * parses fail with the same message; when one of them succeeds, the body is read from it.
 */
import { Node, ParseError, parsePlpgsql, scanSql, Token } from '../parser';
import { strList } from './astNodes';

/** What CREATE FUNCTION says about the function; undefined for a DO block. */
export interface PlpgsqlSignature {
  procedure: boolean;
  /** FunctionParameter nodes. */
  parameters: Node[];
  /** TypeName node. */
  returnType?: Node;
}

/** How a type is written in a variant: kept, or the kind the parser cannot know made scalar or row. */
type TypeKind = 'keep' | 'scalar' | 'row' | 'array' | 'unknown';

/** Pseudo-types: their names are what the parser and PostgreSQL check (`trigger`, `void`, `record`, …). */
const PSEUDO_TYPES = new Set([
  'record',
  'trigger',
  'event_trigger',
  'void',
  'any',
  'anyelement',
  'anyarray',
  'anynonarray',
  'anyenum',
  'anyrange',
  'anymultirange',
  'anycompatible',
  'anycompatiblearray',
  'anycompatiblenonarray',
  'anycompatiblerange',
  'anycompatiblemultirange',
  'cstring',
  'internal',
  'language_handler',
  'fdw_handler',
  'index_am_handler',
  'tsm_handler',
  'table_am_handler',
  'pg_ddl_command',
]);

/** A declared variable's type, written at characters [start, end) of the body. */
interface DeclaredType {
  start: number;
  end: number;
  text: string;
}

/** What a PL/pgSQL parser error means once the types the parser cannot know are set aside. */
export interface PlpgsqlErrorVerdict {
  /** The error to report: PostgreSQL raises it too. */
  message?: string;
  /**
   * Otherwise, when the function parses with those types written as scalars (or rows): that parse. Its
   * expressions are the body's; the declared types it replaced are in `replacedTypes`, as written.
   */
  funcs?: Node[];
  replacedTypes: string[];
}

/**
 * The verdict on `error`, which parsing the function as written raised: reported when it does not depend on
 * the kind of a type the parser cannot know.
 */
export function plpgsqlErrorVerdict(error: ParseError, body: string, signature: PlpgsqlSignature | undefined): PlpgsqlErrorVerdict {
  const declared = declaredTypes(body);
  const params = (signature?.parameters ?? []).map((p) => p.FunctionParameter).filter((p): p is Node => !!p);
  const headerNames = [...params.map((p) => p.argType), signature?.returnType].map((t) => (t ? typeNameText(t) : undefined));
  const scalarByParser = parserScalars([...declared.map((d) => d.text), ...headerNames.filter((t): t is string => !!t)]);
  const declKinds = declared.map((d) => declaredKind(d.text, scalarByParser));
  const paramKinds = params.map((p, i) => headerKind(p.argType, headerNames[i], scalarByParser));
  const returnKind = signature?.returnType ? headerKind(signature.returnType, headerNames[params.length], scalarByParser) : 'keep';
  if ([...declKinds, ...paramKinds, returnKind].every((k) => k === 'keep')) return { message: error.message, replacedTypes: [] };
  const replacedTypes = declared.filter((_, i) => declKinds[i] !== 'keep').map((d) => d.text);
  const results = (['text', 'record'] as const).map((unknownAs) => {
    const variant = functionText(signature, params, paramKinds, returnKind, unknownAs, bodyWith(body, declared, declKinds, unknownAs));
    try {
      return { funcs: parsePlpgsql(variant) };
    } catch (e) {
      return { message: e instanceof ParseError ? e.message : String(e) };
    }
  });
  const [a, b] = results;
  if (a.message !== undefined && a.message === b.message) return { message: a.message, replacedTypes };
  return { funcs: a.funcs ?? b.funcs, replacedTypes };
}

/** The kind of a declared type: `%ROWTYPE` a row, `%TYPE` unknown, an array a scalar, else as the parser sees it. */
function declaredKind(text: string, scalarByParser: Set<string>): TypeKind {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/%\s*rowtype$/.test(t)) return 'row';
  if (/%\s*type$/.test(t)) return 'unknown';
  if (/\]$/.test(t) || /\barray\b/.test(t)) return 'array';
  if (t === 'record' || t === 'pg_catalog.record' || scalarByParser.has(text)) return 'keep';
  return 'unknown';
}

/** The kind of a parameter's or the result's type (a TypeName node). */
function headerKind(t: Node, text: string | undefined, scalarByParser: Set<string>): TypeKind {
  if (t.pct_type) return 'unknown';
  const names = strList(t.names);
  const last = names[names.length - 1]?.toLowerCase();
  if (PSEUDO_TYPES.has(last) && (names.length === 1 || names[0] === 'pg_catalog')) return 'keep';
  if (t.arrayBounds?.length) return 'array';
  return text !== undefined && scalarByParser.has(text) ? 'scalar' : 'unknown';
}

/** The type name as text (schema-qualified, quoted), without modifiers; undefined for `%TYPE`. */
function typeNameText(t: Node): string | undefined {
  if (t.pct_type) return undefined;
  return strList(t.names).map(quoteIdent).join('.');
}

function quoteIdent(s: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`;
}

/**
 * Which of these type texts the parser takes for scalars: it is asked once, with a variable declared of each.
 * Empty when it does not parse (then none is taken for certain).
 */
function parserScalars(texts: string[]): Set<string> {
  const unique = [...new Set(texts)];
  const out = new Set<string>();
  if (!unique.length) return out;
  const decls = unique.map((t, i) => `v${i} ${t};`).join('\n');
  try {
    const funcs = parsePlpgsql(`create function pg_temp.probe() returns void language plpgsql as ${dollarQuote(`declare\n${decls}\nbegin\nend`)}`);
    for (const d of funcs[0]?.PLpgSQL_function?.datums ?? []) {
      const name: unknown = d.PLpgSQL_var?.refname;
      if (typeof name === 'string' && /^v\d+$/.test(name)) out.add(unique[Number(name.slice(1))]);
    }
  } catch {
    // a type the parser does not read: none is certain
  }
  return out;
}

/** The body with each declared type of unknown kind written as `unknownAs`. */
function bodyWith(body: string, declared: DeclaredType[], kinds: TypeKind[], unknownAs: 'text' | 'record'): string {
  let out = '';
  let at = 0;
  declared.forEach((d, i) => {
    const kind = kinds[i];
    if (kind === 'keep') return;
    out += body.slice(at, d.start) + (kind === 'row' ? 'record' : kind === 'array' ? 'text[]' : unknownAs);
    at = d.end;
  });
  return out + body.slice(at);
}

/** A CREATE FUNCTION (or the DO block's stand-in) with the parameters and result written in kinds. */
function functionText(sig: PlpgsqlSignature | undefined, params: Node[], kinds: TypeKind[], returnKind: TypeKind, unknownAs: 'text' | 'record', body: string): string {
  const as = `language plpgsql as ${dollarQuote(body)}`;
  if (!sig) return `create function pg_temp.do_block() returns void ${as}`;
  const typeText = (t: Node, kind: TypeKind): string => {
    if (kind === 'keep') return (typeNameText(t) ?? 'record') + (t.arrayBounds?.length ? '[]' : '');
    if (kind === 'array') return 'text[]';
    if (kind === 'scalar') return 'text';
    return kind === 'row' ? 'record' : unknownAs;
  };
  const MODES: Record<string, string> = { FUNC_PARAM_IN: 'in ', FUNC_PARAM_OUT: 'out ', FUNC_PARAM_INOUT: 'inout ', FUNC_PARAM_VARIADIC: 'variadic ' };
  const args: string[] = [];
  const table: string[] = [];
  params.forEach((p, i) => {
    const text = `${p.name ? quoteIdent(p.name) + ' ' : ''}${typeText(p.argType, kinds[i])}`;
    if (p.mode === 'FUNC_PARAM_TABLE') table.push(text);
    else args.push((MODES[p.mode] ?? '') + text);
  });
  let returns = '';
  if (table.length) returns = ` returns table (${table.join(', ')})`;
  else if (sig.returnType) returns = ` returns ${sig.returnType.setof ? 'setof ' : ''}${typeText(sig.returnType, returnKind)}`;
  return `create ${sig.procedure ? 'procedure' : 'function'} pg_temp.f(${args.join(', ')})${returns} ${as}`;
}

function dollarQuote(body: string): string {
  let tag = 'body';
  while (body.includes(`$${tag}$`)) tag += '_';
  return `$${tag}$${body}$${tag}$`;
}

/** Words that end a declared type: `v t := …`, `v t DEFAULT …`, `v t NOT NULL`, `v t COLLATE "C"`. */
const TYPE_END = new Set(['default', 'not', 'collate']);

/**
 * The types of the variables declared in the body's DECLARE sections (every block's), as written, in
 * order. Aliases and cursors are not variables of a type. Empty when the body does not scan.
 */
function declaredTypes(body: string): DeclaredType[] {
  let tokens: Token[];
  try {
    tokens = scanSql(body).filter((t) => t.kind !== 'comment');
  } catch {
    return [];
  }
  const bytes = Buffer.from(body, 'utf8');
  const ascii = bytes.length === body.length;
  const chars = (b: number): number => (ascii ? b : bytes.subarray(0, b).toString('utf8').length);
  const out: DeclaredType[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i].word !== 'declare') {
      i++;
      continue;
    }
    i++;
    // one declaration per iteration, until the block's BEGIN
    while (i < tokens.length && tokens[i].word !== 'begin') {
      // PostgreSQL allows useless extra DECLAREs in a section
      if (tokens[i].word === 'declare') {
        i++;
        continue;
      }
      let j = i + 1;
      if (tokens[j]?.word === 'constant') j++;
      const w = tokens[j]?.word;
      if (w !== 'alias' && w !== 'cursor' && w !== 'scroll' && w !== 'no') {
        let k = j;
        let depth = 0;
        while (k < tokens.length) {
          const t = tokens[k];
          if (t.kind === 'open') depth++;
          else if (t.kind === 'close') depth--;
          else if (depth <= 0 && (t.kind === 'semicolon' || t.text === ':=' || t.text === '=' || TYPE_END.has(t.word ?? ''))) break;
          k++;
        }
        if (k > j) {
          const start = chars(tokens[j].start);
          const end = chars(tokens[k - 1].end);
          out.push({ start, end, text: body.slice(start, end) });
        }
      }
      // to the end of the declaration
      while (i < tokens.length && tokens[i].kind !== 'semicolon' && tokens[i].word !== 'begin') i++;
      if (tokens[i]?.kind === 'semicolon') i++;
    }
  }
  return out;
}
