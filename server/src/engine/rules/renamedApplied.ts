/**
 * renamed-applied: a migration the base already has, in the folder under another name — the same content
 * with another version (a re-stamp of an applied migration: `db push` runs it again, or refuses it when it
 * sorts before the newest applied one), the same version with another label, or what git's rename detection
 * pairs (similar content). The fix renames it back when its old name is free.
 */
import { comparisonOf } from '../baseline';
import type { Finding } from '../types';
import { siblingPath } from './forwardReference';
import { defineRule, FILE_START, inScope } from './rule';

export const renamedApplied = defineRule('renamed-applied', {
  run(ctx) {
    const c = comparisonOf(ctx);
    if (!c || !c.renamed.length) return [];
    const taken = new Set([...ctx.migrations.map((m) => m.name), ...ctx.discovery.skipped.map((s) => s.name)]);
    const out: Finding[] = [];
    for (const r of c.renamed) {
      if (!inScope(ctx, r.to)) continue;
      const m = ctx.migrations[r.to];
      const old = r.base.name!;
      const how = r.how === 'content' ? 'the same content' : r.how === 'version' ? 'the same version' : 'similar content (git)';
      const consequence =
        m.version === r.base.version
          ? 'the history still matches by version, but the file no longer says what was applied'
          : `its version ${m.version} is not applied, so \`db push\` runs it again${c.newest && m.version < c.newest.version ? ' (or refuses it: it sorts before the newest applied one)' : ''}, and ${r.base.version} is applied with no file`;
      const f: Finding = {
        code: 'renamed-applied',
        severity: 'warning',
        file: m.path,
        range: FILE_START,
        message: `${m.name} is ${old} of ${c.baseline.label} renamed (${how}): ${consequence}. Keep applied migrations under their names.`,
        related: [],
        fixes: [],
      };
      if (!taken.has(old)) f.fixes.push({ kind: 'rename-file', title: `Rename back to ${old}`, from: m.path, to: siblingPath(m.path, old) });
      out.push(f);
    }
    return out;
  },
});
