/** Rules about files and versions: invalid-filename, duplicate-version, version-order, invalid-encoding, syntax-error. */
import type { Finding } from '../types';
import { FILE_START, Rule } from './rule';

export const invalidFilename: Rule = {
  code: 'invalid-filename',
  defaultSeverity: 'warning',
  summary: 'The Supabase CLI silently skips this file because of its name.',
  run(ctx) {
    return ctx.discovery.skipped.map((s): Finding => ({
      code: 'invalid-filename',
      severity: 'warning',
      file: ctx.pathOf(s.name),
      range: FILE_START,
      message: `The Supabase CLI skips ${s.name}: ${s.reason}. Its SQL never runs. Name migrations <digits>_<name>.sql (e.g. from \`supabase migration new\`).`,
      related: [],
      fixes: [],
    }));
  },
};

export const duplicateVersion: Rule = {
  code: 'duplicate-version',
  defaultSeverity: 'error',
  summary: 'Two migration files share one version.',
  run(ctx) {
    const out: Finding[] = [];
    for (const d of ctx.discovery.duplicateVersions) {
      for (const name of d.names) {
        const others = d.names.filter((n) => n !== name);
        out.push({
          code: 'duplicate-version',
          severity: 'error',
          file: ctx.pathOf(name),
          range: FILE_START,
          message: `Version ${d.version} is also used by ${others.join(', ')}: recording the second one in supabase_migrations.schema_migrations fails (duplicate key). Give one of them a new version.`,
          related: others.map((o) => ({ file: ctx.pathOf(o), range: FILE_START, message: `also version ${d.version}` })),
          fixes: [],
        });
      }
    }
    return out;
  },
};

export const versionOrder: Rule = {
  code: 'version-order',
  defaultSeverity: 'warning',
  summary: 'Versions of different lengths sort differently as text and as numbers.',
  run(ctx) {
    const mismatches = ctx.discovery.orderMismatches;
    if (!mismatches.length) return [];
    return mismatches.map((m): Finding => {
      const names = ctx.discovery.migrations.map((x) => x.name);
      return {
        code: 'version-order',
        severity: 'warning',
        file: ctx.pathOf(m.name),
        range: FILE_START,
        message: `${m.name} is migration #${m.lexicalIndex + 1} in file-name order (what \`supabase db reset\` uses) but #${m.numericIndex + 1} in numeric version order (what newer Supabase tooling uses): versions of different lengths in one folder make the apply order depend on the tool. Use 14-digit versions throughout. File-name order: ${names.join(', ')}.`,
        related: [],
        fixes: [],
      };
    });
  },
};

export const invalidEncoding: Rule = {
  code: 'invalid-encoding',
  defaultSeverity: 'error',
  summary: 'The file is not valid UTF-8 (or contains NUL bytes); Postgres rejects it.',
  run(ctx) {
    const out: Finding[] = [];
    ctx.inputs.forEach((input, fi) => {
      const nul = input.text.indexOf('\u0000');
      if (input.invalidUtf8At === undefined && nul < 0) return;
      const li = ctx.facts[fi].lineIndex;
      const at = input.invalidUtf8At ?? Buffer.byteLength(input.text.slice(0, nul), 'utf8');
      out.push({
        code: 'invalid-encoding',
        severity: 'error',
        file: input.path,
        range: li.range(at, Math.min(at + 1, li.byteLength)),
        message:
          input.invalidUtf8At !== undefined
            ? 'Invalid UTF-8 byte sequence: Postgres rejects the file (invalid byte sequence for encoding "UTF8"). Re-save it as UTF-8.'
            : 'NUL byte in the file: Postgres rejects it (invalid byte sequence for encoding "UTF8": 0x00). Is this a binary file?',
        related: [],
        fixes: [],
      });
    });
    return out;
  },
};

export const syntaxError: Rule = {
  code: 'syntax-error',
  defaultSeverity: 'error',
  summary: 'Postgres cannot parse the statement.',
  run(ctx) {
    const out: Finding[] = [];
    ctx.facts.forEach((f, fi) => {
      for (const e of f.syntaxErrors) {
        out.push({
          code: 'syntax-error',
          severity: e.deferred ? 'warning' : 'error',
          file: ctx.migrations[fi].path,
          range: e.range,
          message: e.message,
          related: [],
          fixes: [],
        });
      }
    });
    return out;
  },
};
