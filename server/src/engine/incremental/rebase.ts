/**
 * Incremental re-analysis, the facts side. Most edits change what a migration *uses* (a query, a policy
 * expression, a function body, whitespace, comments) but not what it *does* (what it creates, alters,
 * renames and drops). For such an edit the replay of every other migration is unchanged, and only the
 * edited file's references need resolving again. `effectSignature` tells the two kinds of edit apart;
 * `rebaseFacts` moves the old facts object (which the timeline's records, conflicts and drops point into)
 * onto the new text, so that nothing else has to be rebuilt. Pure: no fs, no LSP.
 */
import type { Effect, FileFacts, RefFact } from '../facts';
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
    if (!st.effects.length) return;
    const used = usedRefs(st.effects);
    const refs = used.map((i) => (i < st.refs.length ? refSignature(st.refs[i]) : '?')).join(';');
    parts.push(`${si}|${st.nodeType}|${JSON.stringify(st.effects, withoutPositions)}|${used.join(',')}|${refs}`);
  });
  sig = parts.join('\n');
  signatures.set(facts, sig);
  return sig;
}

function withoutPositions(key: string, value: unknown): unknown {
  return key === 'range' || key === 'insertAt' ? undefined : value;
}

function refSignature(r: RefFact): string {
  return JSON.stringify([r.ns, r.schema, r.name, r.parent ?? null, r.path, r.deferred, r.optional, r.via, r.signature ?? null]);
}

/** Indices of the statement's references that its effects use (`ref`, `parentRef` fields at any depth). */
export function usedRefs(effects: Effect[]): number[] {
  const out = new Set<number>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'ref' || k === 'parentRef') && typeof x === 'number') out.add(x);
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
    if (!os.effects.length) continue;
    const ns = next.statements[si];
    if (!ns || !moveRange(os.range, ns.range) || !movePositions(os.effects, ns.effects)) return false;
    const refs = ns.refs.slice();
    for (const i of usedRefs(os.effects)) {
      if (!moveRange(os.refs[i].range, ns.refs[i].range)) return false;
      refs[i] = os.refs[i];
    }
    os.refs = refs;
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
