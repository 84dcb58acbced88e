/**
 * "Did you mean": every name the folder's migrations and the platform create, by name and by length, and
 * the suggestions for a name that resolved to nothing (the same name elsewhere, else close spellings).
 */
import { baseObjects } from '../catalog';
import type { FileFacts, RefFact } from '../facts';
import { editDistance } from '../names';
import { displayName, objectKey, ObjectRecord } from '../objects';
import type { Namespace } from '../types';
import type { TimelineFile } from './types';

interface NameEntry {
  key: string;
  ns: Namespace;
  schema: string;
  display: string;
  origin: ObjectRecord['origin'];
}

/**
 * The names index of a replay: built from every file on first use, or (streamed) from the platform's names
 * up front and each file's as it is loaded, since the files' facts are pruned once replayed.
 */
export class NameIndex {
  private byName: Map<string, NameEntry[]> | undefined;
  /** The same names by length: a spelling within distance d differs in length by at most d. */
  private byLength: Map<number, [string, NameEntry[]][]> | undefined;

  constructor(
    private readonly files: TimelineFile[],
    streamed: boolean,
  ) {
    this.byName = streamed ? baseNamesIndex() : undefined;
  }

  /** Streamed: add a file's names as it is loaded. */
  addFile(facts: FileFacts): void {
    addNames(this.byName!, facts);
  }

  /** Let the index go (a streamed replay, once settled, is never resolved again). */
  release(): void {
    this.byName = undefined;
    this.byLength = undefined;
  }

  /** Up to three names `ref` may have meant, besides the keys it was looked up under (`tried`). */
  suggest(ref: RefFact, tried: string[]): string[] {
    const out: string[] = [];
    const sameName = this.index().get(ref.name) ?? [];
    for (const s of sameName) {
      if (tried.includes(s.key)) continue;
      if (s.ns !== ref.ns && !(ref.ns === 'type' && s.ns === 'relation')) continue;
      out.push(s.display);
    }
    if (out.length) return dedupe(out).slice(0, 3);
    // similar spelling in the same namespace (created anywhere in the folder, or platform)
    const max = ref.name.length <= 4 ? 1 : 2;
    const scored: { d: number; display: string }[] = [];
    for (let len = ref.name.length - max; len <= ref.name.length + max; len++) {
      for (const [name, list] of this.ofLength(len)) {
        if (name === ref.name) continue;
        const d = editDistance(name, ref.name, max);
        if (d > max) continue;
        for (const s of list) {
          if (s.ns !== ref.ns) continue;
          if (ref.schema && s.schema !== ref.schema && s.origin === 'builtin') continue;
          if (s.origin === 'builtin' && ref.ns === 'relation') continue;
          scored.push({ d, display: s.display });
        }
      }
    }
    scored.sort((a, b) => a.d - b.d || a.display.localeCompare(b.display));
    return dedupe(scored.map((s) => s.display)).slice(0, 3);
  }

  private index(): Map<string, NameEntry[]> {
    return (this.byName ??= buildNamesIndex(this.files));
  }

  private ofLength(n: number): [string, NameEntry[]][] {
    if (!this.byLength) {
      this.byLength = new Map();
      for (const e of this.index()) {
        const list = this.byLength.get(e[0].length);
        if (list) list.push(e);
        else this.byLength.set(e[0].length, [e]);
      }
    }
    return this.byLength.get(n) ?? [];
  }
}

let baseNames: Map<string, NameEntry[]> | undefined;

/** name → objects of that name anywhere (folder and platform), for "did you mean". Built only when needed. */
function buildNamesIndex(files: TimelineFile[]): Map<string, NameEntry[]> {
  const out = baseNamesIndex();
  for (const f of files) addNames(out, f.facts);
  return out;
}

/** A names index with the platform's and Postgres' names only (a copy: `addNames` adds to it). */
function baseNamesIndex(): Map<string, NameEntry[]> {
  if (!baseNames) {
    baseNames = new Map();
    for (const rec of baseObjects().values()) {
      if (rec.origin === 'builtin' && rec.ns !== 'schema') continue;
      const e: NameEntry = { key: rec.key, ns: rec.ns, schema: rec.schema, display: displayName(rec), origin: rec.origin };
      const list = baseNames.get(rec.name);
      if (!list) baseNames.set(rec.name, [e]);
      else list.push(e);
    }
  }
  const out = new Map<string, NameEntry[]>();
  for (const [k, v] of baseNames) out.set(k, [...v]);
  return out;
}

/** Add the names a file's statements create (not triggers, policies, indexes: they are looked up by table). */
function addNames(out: Map<string, NameEntry[]>, facts: FileFacts): void {
  for (const st of facts.statements)
    for (const e of st.effects) {
      if (e.type !== 'create' || e.parentRef !== undefined) continue;
      const entry: NameEntry = { key: objectKey(e.ns, e.schema, e.name), ns: e.ns, schema: e.schema, display: displayName({ ns: e.ns, schema: e.schema, name: e.name }), origin: 'migration' };
      const list = out.get(e.name);
      if (!list) out.set(e.name, [entry]);
      else if (!list.some((x) => x.key === entry.key)) list.push(entry);
    }
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
