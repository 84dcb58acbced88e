/**
 * `npm run realworld`: the real-world precision harness (issue #21; the work is done by
 * test/support/realworld.ts). Applies every real folder under test/corpus to a real PostgreSQL 15, and 17
 * where this machine has it, analyses each with the engine, and prints per folder the files PostgreSQL
 * applied, the error findings on them (false errors: must be 0), PostgreSQL's root failures and whether the
 * engine reported them; then totals (precision, recall, per cause class).
 *
 * Writes the same as JSON to bench/results/realworld.json (git-ignored) and a markdown summary to
 * bench/REALWORLD.md.
 *
 *   tsx scripts/realworld.ts [--corpus DIR]... [--pg 15,17] [--no-locate] [--quiet] [--json FILE] [--md FILE]
 *
 * --corpus adds directories of `<name>/supabase/migrations` folders (test/corpus is always read first).
 * Exit code 1 when a false error is not in KNOWN_FALSE_ERRORS (test/support/realworldKnown.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  availablePostgresMajors,
  CORPUS_DIR,
  folderDetails,
  folderLine,
  markdownSummary,
  runRealworld,
  totalsLines,
  totalsOf,
  unlistedFalseErrors,
} from '../test/support/realworld';

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv: string[]) {
  const opts = {
    corpusDirs: [CORPUS_DIR],
    majors: undefined as number[] | undefined,
    locate: true,
    quiet: false,
    json: path.join(ROOT, 'bench/results/realworld.json'),
    md: path.join(ROOT, 'bench/REALWORLD.md'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--corpus') opts.corpusDirs.push(path.resolve(value()));
    else if (a === '--pg') opts.majors = value().split(',').map(Number);
    else if (a === '--no-locate') opts.locate = false;
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '--json') opts.json = path.resolve(value());
    else if (a === '--md') opts.md = path.resolve(value());
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const majors = opts.majors ?? availablePostgresMajors();
  if (majors.length === 0) throw new Error('no PostgreSQL 15 or 17 server binaries found (apt-get install postgresql-15)');
  if (!majors.includes(17)) console.log('PostgreSQL 17 not installed here (/usr/lib/postgresql/17/bin): PostgreSQL 15 only');
  const report = await runRealworld({
    corpusDirs: opts.corpusDirs,
    majors,
    locate: opts.locate,
    onFolder: (r) => {
      console.log(folderLine(r));
      if (!opts.quiet) for (const l of folderDetails(r)) console.log(l);
    },
  });
  console.log('');
  for (const major of report.majors) for (const l of totalsLines(totalsOf(report.folders.filter((f) => f.pgMajor === major)), major)) console.log(l);
  fs.mkdirSync(path.dirname(opts.json), { recursive: true });
  fs.writeFileSync(opts.json, JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(opts.md, markdownSummary(report));
  console.log(`\nwrote ${path.relative(ROOT, opts.json)} and ${path.relative(ROOT, opts.md)}`);
  const unreviewed = unlistedFalseErrors(report.folders);
  if (unreviewed.length) {
    console.log(`${unreviewed.length} false errors are not in KNOWN_FALSE_ERRORS`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
