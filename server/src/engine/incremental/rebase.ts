/**
 * Incremental re-analysis, the facts side. Most edits change what a migration *uses* (a query, a policy
 * expression, a function body, whitespace, comments) but not what it *does* (what it creates, alters,
 * renames and drops). For such an edit the replay of every other migration is unchanged, and only the
 * edited file's references need resolving again. `effectSignature` tells the two kinds of edit apart;
 * `rebaseFacts` moves the old facts object (which the timeline's records, conflicts and drops point into)
 * onto the new text, so that nothing else has to be rebuilt. Pure: no fs, no LSP.
 */
import type { Effect, FileFacts, RefFact, StatementFacts } from '../facts';
import { moveRange, SourceRange } from '../positions';

const signatures = new WeakMap<FileFacts, string>();

/**
 * Everything the replay reads from a file, except source positions: per statement with effects, its index,
 * node type, effects, and the references those effects point at. Equal signatures mean an equal replay.
 */
export function effectSignature(facts: FileFacts): string {
  let sig = signatures.get(facts);
  if (sig !== undefined) return sig;
  const parts: string[] = [];
  facts.statements.forEach((st, si) => {
    if (!readByReplay(st)) return;
    const part = replayPart(st);
    const used = usedRefs(part);
    const refs = used.map((i) => (i < st.refs.length ? refSignature(st.refs[i]) : '?')).join(';');
    parts.push(`${si}|${st.nodeType}|${JSON.stringify(part, withoutPositions)}|${used.join(',')}|${refs}`);
  });
  sig = parts.join('\n');
  signatures.set(facts, sig);
  return sig;
}

/**
 * The statement fields the replay reads besides its effects: the columns it names, the literals it casts and
 * the ones converted to a column's type (checked against the state then: timeline/columns.ts, enumLabels.ts),
 * enum label changes, a publication's table changes (timeline/publications.ts), and dynamic SQL run by a DO
 * block or functions a statement runs (after which foreign keys' referenced keys and publications' tables are
 * not judged: timeline/foreignKeyTargets.ts). An edit to them replays the file, like an edit to its effects.
 */
const REPLAY_FIELDS = ['columnUses', 'literalCasts', 'columnLiterals', 'enumValueAdded', 'enumValueRenamed', 'dynamicSql', 'calls', 'publication'] as const;

function readByReplay(st: StatementFacts): boolean {
  return st.effects.length > 0 || REPLAY_FIELDS.some((k) => st[k] !== undefined);
}

/** What the replay reads of a statement (the objects themselves, so that moving their ranges moves the statement's). */
function replayPart(st: StatementFacts): Record<string, unknown> {
  const part: Record<string, unknown> = { effects: st.effects };
  for (const k of REPLAY_FIELDS) if (st[k] !== undefined) part[k] = st[k];
  return part;
}

function withoutPositions(key: string, value: unknown): unknown {
  return key === 'range' || key === 'insertAt' ? undefined : value;
}

function refSignature(r: RefFact): string {
  return JSON.stringify([r.ns, r.schema, r.name, r.parent ?? null, r.path, r.deferred, r.optional, r.via, r.signature ?? null]);
}

/** Indices of the statement's references that its effects (or what else the replay reads) use (`ref`, `parentRef`, `typeRef` fields at any depth). */
export function usedRefs(effects: Effect[] | Record<string, unknown>): number[] {
  const out = new Set<number>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'ref' || k === 'parentRef' || k === 'typeRef') && typeof x === 'number') out.add(x);
        else if (k !== 'range' && typeof x === 'object') visit(x);
      }
    }
  };
  visit(effects);
  return [...out].sort((a, b) => a - b);
}

/**
 * Make `old` describe the text `next` was extracted from. Precondition: equal effect signatures. The old
 * statement, effect, column and used-reference objects stay (the timeline holds them) with their ranges
 * moved; everything else is taken from `next`. Returns false (leaving `old` unusable) when a range cannot be
 * moved; the caller must then re-analyse from `next`.
 */
export function rebaseFacts(old: FileFacts, next: FileFacts): boolean {
  const statements = next.statements.slice();
  for (let si = 0; si < old.statements.length; si++) {
    const os = old.statements[si];
    if (!readByReplay(os)) continue;
    const ns = next.statements[si];
    if (!ns || !moveRange(os.range, ns.range) || !movePositions(replayPart(os), replayPart(ns))) return false;
    const refs = ns.refs.slice();
    for (const i of usedRefs(replayPart(os))) {
      if (!moveRange(os.refs[i].range, ns.refs[i].range)) return false;
      refs[i] = os.refs[i];
    }
    os.refs = refs;
    // what only the rules read (a transaction fact, a policy's foreign qualifiers, ...): the new text's
    const keep = new Set<string>(['range', 'nodeType', 'refs', 'effects', ...REPLAY_FIELDS]);
    const o = os as unknown as Record<string, unknown>;
    const n = ns as unknown as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!keep.has(k) && !(k in n)) delete o[k];
    for (const k of Object.keys(n)) if (!keep.has(k)) o[k] = n[k];
    statements[si] = os;
  }
  old.statements = statements;
  old.syntaxErrors = next.syntaxErrors;
  old.directives = next.directives;
  old.lineIndex = next.lineIndex;
  signatures.set(old, effectSignature(next));
  return true;
}

/** Walk two structurally equal values; move every `range`, copy every `insertAt`. */
function movePositions(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!movePositions(a[i], b[i])) return false;
    return true;
  }
  if (!a || typeof a !== 'object') return true;
  if (!b || typeof b !== 'object') return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of Object.keys(ao)) {
    if (k === 'range') {
      if (!moveRange(ao[k] as SourceRange, bo[k] as SourceRange)) return false;
    } else if (k === 'insertAt') ao[k] = bo[k];
    else if (typeof ao[k] === 'object' && !movePositions(ao[k], bo[k])) return false;
  }
  if ('insertAt' in bo && !('insertAt' in ao)) ao.insertAt = bo.insertAt;
  return true;
}
