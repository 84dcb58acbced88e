/**
 * Publications' tables through the replay (Supabase Realtime: `alter publication supabase_realtime add table
 * …`). A table is a member by identity, not by name (a renamed table stays a member, a table dropped and made
 * again is a new one): the statement that created it, or its key for a table of the platform. Postgres
 * refuses (publicationcmds.c):
 *   - ADD TABLE of a member: 42710 `relation "t" is already member of publication "p"`;
 *   - DROP TABLE of a table that is not one: 42704 `relation "t" is not part of the publication`;
 *   - ADD / DROP / SET TABLE on a publication FOR ALL TABLES: 55000.
 * The members are known from CREATE PUBLICATION (the platform's publications start empty) until a change
 * that names schemas or a table it cannot resolve, a SET that may not run, or dynamic SQL / a function a
 * migration made (it may have changed any publication). An ADD or DROP that may not run (a DO block's IF)
 * leaves its tables "maybe" members; one in an exception handler has a known outcome (ADD: a member either
 * way; DROP: not one) but its error is not reported.
 */
import type { PublicationFact, StatementFacts } from '../facts';
import { displayName, type ObjectRecord, type Point } from '../objects';
import type { Replay } from './replay';
import { CODE_RAN } from './foreignKeyTargets';
import { own } from './snapshots';

/** A table's identity as a member. */
function memberId(t: ObjectRecord): string {
  return t.def ? `${t.def.point.file}:${t.def.point.stmt}` : t.key;
}

const TABLES = new Set(['table', 'partitioned table']);

interface Named {
  id: string;
  rec: ObjectRecord;
  range: PublicationFact['tables'][number]['range'];
}

export function replayPublication(r: Replay, st: StatementFacts, point: Point): void {
  const f = st.publication!;
  const key = f.ref !== undefined ? r.keyOf(f.ref) : `publication:${f.name}`;
  const cur = key ? r.get(key) : undefined;
  if (!key || !cur || cur.kind !== 'publication') return;
  // the tables named, where each resolves to a table now
  const tables: Named[] = [];
  let unresolved = false;
  for (const t of f.tables) {
    const tk = r.keyOf(t.ref);
    const rec = tk ? r.get(tk) : undefined;
    if (rec && TABLES.has(rec.kind)) tables.push({ id: memberId(rec), rec, range: t.range });
    else unresolved = true;
  }
  const rec = own(r, cur);
  const ids = tables.map((t) => t.id);
  if (f.action === 'create') {
    rec.allTables = f.allTables && f.certain ? true : undefined;
    rec.maybeMembers = undefined;
    rec.members = f.certain && !f.schemas && !unresolved && !f.allTables ? [...new Set(ids)] : undefined;
    return;
  }
  const known = (!!rec.members || !!rec.allTables) && !r.isOpaque(CODE_RAN) && !f.schemas && !unresolved;
  if (!known || (!f.certain && f.action === 'set')) {
    rec.members = rec.maybeMembers = undefined;
    return;
  }
  if (rec.allTables) {
    if (f.certain && !f.handled) r.state.publicationMisses.push({ point, range: tables[0]?.range ?? st.range, publication: cur.name, table: tables[0] ? displayName(tables[0].rec) : '', why: 'all-tables' });
    return;
  }
  const members = rec.members!;
  const maybe = rec.maybeMembers ?? [];
  if (f.certain && !f.handled) {
    for (const t of tables) {
      const why = f.action === 'add' && members.includes(t.id) ? 'member' : f.action === 'drop' && !members.includes(t.id) && !maybe.includes(t.id) ? 'not-member' : undefined;
      if (why) r.state.publicationMisses.push({ point, range: t.range, publication: cur.name, table: displayName(t.rec), why });
    }
  }
  const gone = new Set(ids);
  if (f.action === 'set') {
    rec.members = [...gone];
    rec.maybeMembers = undefined;
  } else if (f.certain) {
    // it ran (a handler may have caught its error, with the same outcome: a member after ADD, none after DROP)
    rec.members = f.action === 'add' ? union(members, ids) : members.filter((m) => !gone.has(m));
    rec.maybeMembers = shrink(maybe.filter((m) => !gone.has(m)));
  } else {
    // it may not have run: its tables may or may not be members now
    rec.members = members.filter((m) => !gone.has(m));
    rec.maybeMembers = union(maybe, ids);
  }
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function shrink(list: string[]): string[] | undefined {
  return list.length ? list : undefined;
}
