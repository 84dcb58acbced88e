/**
 * The team workflow (issue 23): the migrations folder compared with a base — a git ref (host/git.ts) or an
 * applied list (host/appliedList.ts) — by the rules out-of-order, edited-applied, removed-applied and
 * renamed-applied. Every git case builds a real repository with the git CLI in a temp folder (branches, a
 * merge, a rebase, renames, a shallow clone), independent of the machine's git configuration.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeFolder, reanalyzeFolder, type Analysis, type EngineConfig, type FactsCache, type FolderInput } from '../../server/src/engine/analyze';
import { initParser } from '../../server/src/engine/parser';
import { parseAppliedList, readAppliedList } from '../../server/src/host/appliedList';
import { GitError, listBaseFolder, readBaseline, readBlobs, renamesSince, repositoryRoot, resolveBase } from '../../server/src/host/git';
import { readFolder } from '../../server/src/host/workspace';
import { analyzeInput } from '../support/analyze';
import { observable } from '../support/observable';
import { cloneRepo, GIT_ISOLATION, initRepo, isolateGit, MIGRATIONS, tempDir, type TestRepo } from '../support/gitRepo';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

const A = 'create table public.accounts (\n  id uuid primary key,\n  name text not null\n);\n';
const B = 'create table public.billing (\n  id bigint primary key,\n  amount numeric not null\n);\n';
const X = 'create table public.projects (\n  id bigint primary key,\n  name text not null\n);\n';
const Y = 'create table public.tasks (\n  id bigint primary key,\n  project_id bigint not null references public.projects (id)\n);\n';
const Z = 'create view public.open_tasks as select t.id from public.tasks t;\n';

function read(folder: string, name: string): Uint8Array | undefined {
  try {
    return readFileSync(path.join(folder, name));
  } catch {
    return undefined;
  }
}

/** The folder of `repo` analysed against `spec`, as the CLI does it (streamed and whole must agree). */
async function analyse(repo: TestRepo, spec = 'auto'): Promise<Analysis> {
  const { baseline } = await readBaseline(repo.folder, spec, (name) => read(repo.folder, name));
  return analyzeInput(await readFolder(repo.folder, { baseline }));
}

/** `file code` per finding of the team-workflow rules. */
function team(a: Analysis): string[] {
  return a.findings.filter((f) => ['out-of-order', 'edited-applied', 'removed-applied', 'renamed-applied'].includes(f.code)).map((f) => `${path.basename(f.file)} ${f.code}`);
}

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...GIT_ISOLATION, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * origin: main has A; a feature branch adds X and Y (Y uses X); main then gets B (a later timestamp than
 * X and Y). `work` is a clone on the feature branch.
 */
function teamRepos(parent: string): { origin: TestRepo; work: TestRepo } {
  const origin = initRepo(parent);
  origin.write({ '20240101000000_accounts.sql': A }).commit('accounts');
  origin.git('checkout', '-q', '-b', 'feature');
  origin.write({ '20240102000000_projects.sql': X, '20240103000000_tasks.sql': Y }).commit('projects and tasks');
  origin.git('checkout', '-q', 'main');
  origin.write({ '20240105000000_billing.sql': B }).commit('billing');
  const work = cloneRepo(origin, parent, 'work');
  work.git('checkout', '-q', 'feature');
  return { origin, work };
}

describe('team workflow (git base, applied list)', function () {
  this.timeout(60_000);
  isolateGit();
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  describe('host/git.ts', () => {
    it('a folder outside any repository is a GitError of kind not-a-repository', async () => {
      await assert.rejects(repositoryRoot(tmp.dir), (e: unknown) => e instanceof GitError && e.kind === 'not-a-repository');
    });

    it('auto takes the default branch: origin/HEAD in a clone, else main; unknown refs and option-like refs are refused', async () => {
      const { origin, work } = teamRepos(tmp.dir);
      const cloned = await resolveBase(work.dir, 'auto');
      assert.equal(cloned.ref, 'origin/main');
      assert.equal(cloned.how, 'default-branch');
      assert.equal(cloned.commit, origin.git('rev-parse', 'main').trim());
      assert.match(cloned.label, /^origin\/main@[0-9a-f]{7}$/);
      assert.equal((await resolveBase(origin.dir, 'auto')).ref, 'main');
      for (const bad of ['no-such-branch', '--output=/tmp/x', 'main\nx'])
        await assert.rejects(resolveBase(work.dir, bad), (e: unknown) => e instanceof GitError && e.kind === 'unknown-ref');
    });

    it('a local repository on master with no main: auto takes master', async () => {
      const repo = initRepo(tmp.dir, 'm');
      repo.write({ '20240101000000_accounts.sql': A }).commit('a');
      repo.git('branch', '-m', 'master');
      assert.equal((await resolveBase(repo.dir, 'auto')).ref, 'master');
    });

    it('a shallow clone that lacks the base says so (and how to fetch it)', async () => {
      const { origin } = teamRepos(tmp.dir);
      const shallow = cloneRepo(origin, tmp.dir, 'shallow', ['--depth', '1', '--branch', 'feature']);
      await assert.rejects(resolveBase(shallow.dir, 'origin/main'), (e: unknown) => e instanceof GitError && e.kind === 'shallow' && /shallow/.test(e.message) && /fetch-depth: 0/.test(e.message));
      await assert.rejects(resolveBase(shallow.dir, 'auto'), (e: unknown) => e instanceof GitError && e.kind === 'shallow');
      const r = cli(['check', '--base', 'origin/main'], shallow.dir);
      assert.equal(r.code, 2);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /shallow/);
    });

    it('lists the folder at a commit with blob ids and reads every blob in one cat-file process', async () => {
      const repo = initRepo(tmp.dir, 'many');
      const files: Record<string, string> = {};
      for (let i = 0; i < 60; i++) files[`202401010000${String(i).padStart(2, '0')}_t${i}.sql`] = `create table t${i} (id int);\n`;
      repo.write(files).commit('many');
      const listed = await listBaseFolder(repo.dir, repo.head(), MIGRATIONS);
      assert.equal(listed.length, 60);
      const blobs = await readBlobs(repo.dir, [...listed.map((f) => f.blob), '0'.repeat(40)]);
      assert.equal(blobs.size, 60);
      for (const f of listed) assert.equal(blobs.get(f.blob)!.toString('utf8'), files[f.name]);
    });

    it("git's rename detection pairs a renamed and edited file (similar content)", async () => {
      const repo = initRepo(tmp.dir, 'r');
      repo.write({ '20240101000000_accounts.sql': A + '-- a long comment line to keep the similarity high enough\n' }).commit('a');
      const base = repo.head();
      repo.git('mv', `${MIGRATIONS}/20240101000000_accounts.sql`, `${MIGRATIONS}/20240101000000_create_accounts.sql`);
      repo.write({ '20240101000000_create_accounts.sql': A + '-- a long comment line to keep the similarity high enough\ncomment on table public.accounts is $$x$$;\n' });
      repo.git('add', '-A');
      assert.deepEqual([...(await renamesSince(repo.dir, base, MIGRATIONS))], [['20240101000000_accounts.sql', '20240101000000_create_accounts.sql']]);
    });
  });

  describe('out-of-order', () => {
    it("the branch's migrations older than the base's newest: an error each, re-stamped together after it in their order", async () => {
      const { work } = teamRepos(tmp.dir);
      const a = await analyse(work);
      assert.deepEqual(team(a), ['20240102000000_projects.sql out-of-order', '20240103000000_tasks.sql out-of-order']);
      const f = a.findings.find((x) => x.code === 'out-of-order')!;
      assert.equal(f.severity, 'error');
      assert.match(f.message, /`db push` will refuse it; origin\/main@[0-9a-f]{7} already has 20240105000000_billing\.sql/);
      const renames = f.renames!.map((r) => [path.basename(r.from), path.basename(r.to)]);
      assert.deepEqual(renames, [
        ['20240102000000_projects.sql', '20240105000001_projects.sql'],
        ['20240103000000_tasks.sql', '20240105000002_tasks.sql'],
      ]);
      // one plan, on every finding; each finding's own fix is its part of it
      for (const g of a.findings.filter((x) => x.code === 'out-of-order')) {
        assert.deepEqual(g.renames, f.renames);
        assert.equal(g.fixes.length, 1);
      }
    });

    it('after a merge of main into the branch: still out of order (the merge does not change the versions)', async () => {
      const { work } = teamRepos(tmp.dir);
      work.git('merge', '-q', '--no-edit', 'origin/main');
      assert.deepEqual(team(await analyse(work)), ['20240102000000_projects.sql out-of-order', '20240103000000_tasks.sql out-of-order']);
    });

    it('after a rebase onto main: the same findings; once re-stamped (check --fix): none, and nothing overwritten', async () => {
      const { work } = teamRepos(tmp.dir);
      work.git('rebase', '-q', 'origin/main');
      assert.deepEqual(team(await analyse(work)), ['20240102000000_projects.sql out-of-order', '20240103000000_tasks.sql out-of-order']);
      // a directory (the CLI skips it) holds the first version after billing: the re-stamp must not take it
      mkdirSync(path.join(work.folder, '20240105000001_notes.sql'));
      const r = cli(['check', '--base', 'auto', '--fix'], work.dir);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stderr, /renamed .*20240102000000_projects\.sql → 20240105000002_projects\.sql/);
      assert.match(r.stderr, /renamed .*20240103000000_tasks\.sql → 20240105000003_tasks\.sql/);
      assert.deepEqual(readdirSync(work.folder).sort(), ['20240101000000_accounts.sql', '20240105000000_billing.sql', '20240105000001_notes.sql', '20240105000002_projects.sql', '20240105000003_tasks.sql']);
      assert.equal(readFileSync(path.join(work.folder, '20240105000003_tasks.sql'), 'utf8'), Y);
      assert.deepEqual(team(await analyse(work)), []);
    });

    it('keeps dependents after what they use: a later branch migration that uses a moved one bounds the re-stamp', async () => {
      const { work } = teamRepos(tmp.dir);
      // the view (after billing already) uses tasks, which moves: tasks must land before the view
      work.write({ '20240105000003_open_tasks.sql': Z });
      const a = await analyse(work);
      const f = a.findings.find((x) => x.code === 'out-of-order')!;
      assert.deepEqual(f.renames!.map((r) => path.basename(r.to)), ['20240105000001_projects.sql', '20240105000002_tasks.sql']);
      // no room left between billing and the view: no re-stamp is offered, and the message says why
      work.remove('20240105000003_open_tasks.sql').write({ '20240105000002_open_tasks.sql': Z });
      const b = await analyse(work);
      const g = b.findings.filter((x) => x.code === 'out-of-order');
      assert.equal(g.length, 2);
      for (const x of g) {
        assert.equal(x.fixes.length, 0);
        assert.equal(x.renames, undefined);
        assert.match(x.message, /No re-stamp keeps every dependency: .*20240105000002_open_tasks\.sql/);
      }
    });

    it('a migration after the base\'s newest, and the base\'s own migrations, are not out of order', async () => {
      const { work } = teamRepos(tmp.dir);
      work.remove('20240102000000_projects.sql', '20240103000000_tasks.sql').write({ '20240106000000_projects.sql': X });
      assert.deepEqual(team(await analyse(work)), []);
    });
  });

  describe('edited-applied, removed-applied, renamed-applied', () => {
    /** main with A and B, a branch from it. */
    function applied(): TestRepo {
      const repo = initRepo(tmp.dir, 'e');
      repo.write({ '20240101000000_accounts.sql': A, '20240105000000_billing.sql': B }).commit('base');
      repo.git('checkout', '-q', '-b', 'feature');
      return repo;
    }

    it('white space and comments do not count; a changed statement does (no fix); added statements can move to a new migration', async () => {
      const repo = applied();
      repo.write({ '20240101000000_accounts.sql': '-- accounts\ncreate table public.accounts (\n    id   uuid primary key, -- the id\n    name text not null\n);\n\n' });
      assert.deepEqual(team(await analyse(repo, 'main')), []);
      repo.write({ '20240101000000_accounts.sql': A.replace('text not null', 'text') });
      const changed = (await analyse(repo, 'main')).findings.filter((f) => f.code === 'edited-applied');
      assert.equal(changed.length, 1);
      assert.equal(changed[0].severity, 'warning');
      assert.equal(changed[0].range.start.line, 0);
      assert.equal(changed[0].newMigration, undefined);
      // a string constant is content: a change inside one counts
      repo.write({ '20240101000000_accounts.sql': A + "comment on table public.accounts is 'a  b';\n" }).commit('with comment');
      repo.git('checkout', '-q', '-b', 'second');
      repo.write({ '20240101000000_accounts.sql': A + "comment on table public.accounts is 'a b';\n" });
      assert.deepEqual(team(await analyse(repo, 'feature')), ['20240101000000_accounts.sql edited-applied']);
    });

    it('the added-statements fix: a new migration after every other, the statements taken out; applied, the folder is clean', async () => {
      const repo = applied();
      const index = 'create index accounts_name on public.accounts (name);';
      repo.write({ '20240101000000_accounts.sql': A + index + '\n' });
      const a = await analyse(repo, 'main');
      const f = a.findings.find((x) => x.code === 'edited-applied')!;
      assert.equal(f.range.start.line, 4);
      const fix = f.newMigration!;
      assert.ok(fix, f.message);
      assert.equal(path.basename(fix.to), '20240105000001_accounts_additions.sql');
      assert.ok(!existsSync(fix.to));
      assert.ok(fix.text.endsWith(index + '\n'));
      // apply it as an editor would: the edits on the old file, the new file created
      const old = readFileSync(fix.from);
      const edits = [...fix.revert].sort((x, y) => y.range.startByte - x.range.startByte);
      let bytes = Buffer.from(old);
      for (const e of edits) bytes = Buffer.concat([bytes.subarray(0, e.range.startByte), Buffer.from(e.newText), bytes.subarray(e.range.endByte)]);
      writeFileSync(fix.from, bytes);
      writeFileSync(fix.to, fix.text, { flag: 'wx' });
      assert.equal(readFileSync(fix.from, 'utf8'), A);
      const after = await analyse(repo, 'main');
      assert.deepEqual(after.findings.map((x) => x.code), []);
    });

    it('no new-migration fix when a migration new on the branch uses what the edited one creates', async () => {
      const repo = applied();
      repo.write({ '20240101000000_accounts.sql': A + 'create table public.plans (id int primary key);\n', '20240106000000_use.sql': 'create view public.v as select * from public.accounts;\n' });
      const f = (await analyse(repo, 'main')).findings.find((x) => x.code === 'edited-applied')!;
      assert.equal(f.newMigration, undefined);
    });

    it('removed: a warning on the former path; a migration main got after the fork is not removed by the branch', async () => {
      const repo = applied();
      repo.remove('20240101000000_accounts.sql');
      assert.deepEqual(team(await analyse(repo, 'main')), ['20240101000000_accounts.sql removed-applied']);
      repo.write({ '20240101000000_accounts.sql': A });
      repo.git('checkout', '-q', 'main');
      repo.write({ '20240107000000_later.sql': X }).commit('later on main');
      repo.git('checkout', '-q', 'feature');
      // the branch lacks 20240107000000_later.sql only because it did not merge main: nothing to report
      assert.deepEqual(team(await analyse(repo, 'main')), []);
    });

    it('renamed: re-stamped (same content), relabelled (same version), or git-paired (similar); the fix renames back', async () => {
      const repo = applied();
      repo.git('mv', `${MIGRATIONS}/20240101000000_accounts.sql`, `${MIGRATIONS}/20240102000000_accounts.sql`);
      let a = await analyse(repo, 'main');
      // not out-of-order on top: re-stamping a re-stamped applied migration would be the wrong cure
      assert.deepEqual(team(a), ['20240102000000_accounts.sql renamed-applied']);
      const f = a.findings[0];
      assert.match(f.message, /20240101000000_accounts\.sql of main@[0-9a-f]{7} renamed \(the same content\)/);
      assert.deepEqual(f.fixes.map((x) => x.kind === 'rename-file' && path.basename(x.to)), ['20240101000000_accounts.sql']);
      repo.git('mv', `${MIGRATIONS}/20240102000000_accounts.sql`, `${MIGRATIONS}/20240101000000_create_accounts.sql`);
      a = await analyse(repo, 'main');
      assert.deepEqual(team(a), ['20240101000000_create_accounts.sql renamed-applied']);
      assert.match(a.findings[0].message, /renamed \(the same content\): the history still matches by version/);
      repo.write({ '20240101000000_create_accounts.sql': A + 'create index accounts_name on public.accounts (name);\n' });
      a = await analyse(repo, 'main');
      assert.deepEqual(team(a), ['20240101000000_create_accounts.sql renamed-applied']);
      assert.match(a.findings[0].message, /renamed \(the same version\)/);
      repo.git('mv', `${MIGRATIONS}/20240101000000_create_accounts.sql`, `${MIGRATIONS}/20240103000000_accounts_v2.sql`);
      repo.write({ '20240103000000_accounts_v2.sql': A.replace('text not null', 'text not null default $$x$$') });
      repo.git('add', '-A');
      a = await analyse(repo, 'main');
      assert.deepEqual(team(a), ['20240103000000_accounts_v2.sql renamed-applied']);
      assert.match(a.findings[0].message, /similar content \(git\)/);
    });
  });

  describe('--applied <file>', () => {
    const table = [
      '',
      '  ',
      '   Local          | Remote         | Time (UTC)          ',
      '  ----------------|----------------|---------------------',
      '   20240101000000 | 20240101000000 | 2024-01-01 00:00:00 ',
      '                  | 20240105000000 | 2024-01-05 00:00:00 ',
      '   20240102000000 |                | 2024-01-02 00:00:00 ',
      '',
    ].join('\n');

    it('reads `supabase migration list` (rendered, Markdown, box drawing) and plain lists; refuses what it cannot read, naming the line', () => {
      assert.deepEqual(parseAppliedList(table, 'a.txt'), ['20240101000000', '20240105000000']);
      const markdown = '|Local|Remote|Time (UTC)|\n|-|-|-|\n|`20240101000000`|`20240101000000`|`2024-01-01 00:00:00`|\n|` `|`20240105000000`|`2024-01-05 00:00:00`|\n';
      assert.deepEqual(parseAppliedList(markdown, 'a.txt'), ['20240101000000', '20240105000000']);
      const boxes = '        LOCAL      │     REMOTE     │     TIME (UTC)\n  ─────────────────┼────────────────┼──────────────────────\n    20240101000000 │ 20240101000000 │ 2024-01-01 00:00:00\n';
      assert.deepEqual(parseAppliedList(boxes, 'a.txt'), ['20240101000000']);
      assert.deepEqual(parseAppliedList('# applied\n20240101000000\n\n20240105000000_billing.sql\r\n', 'a.txt'), ['20240101000000', '20240105000000']);
      assert.throws(() => parseAppliedList('20240101000000\nConnecting to remote database...\n', 'a.txt'), /a\.txt:2: "Connecting to remote database\.\.\." is not a migration version/);
      assert.throws(() => parseAppliedList('\n\n', 'a.txt'), /a\.txt: no migration versions/);
      assert.throws(() => parseAppliedList('Local | Remote | Time\n-|-|-\n x | abc | y\n', 'a.txt'), /a\.txt:3: "abc" in the Remote column/);
    });

    it('an unreadable file is a clear usage error', async () => {
      await assert.rejects(readAppliedList(path.join(tmp.dir, 'nope.txt')), /--applied .*nope\.txt: no such file/);
      writeFileSync(path.join(tmp.dir, 'bin.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
      await assert.rejects(readAppliedList(path.join(tmp.dir, 'bin.txt')), /not a text file/);
    });

    it('out-of-order and removed-applied against the applied versions; contents unknown, so no edited-applied', async () => {
      const repo = initRepo(tmp.dir, 'p');
      repo.write({ '20240101000000_accounts.sql': A + '-- edited\ncreate index i on public.accounts (name);\n', '20240102000000_projects.sql': X }).commit('x');
      const list = path.join(tmp.dir, 'applied.txt');
      writeFileSync(list, table);
      const r = cli(['check', '--applied', list, '--format', 'json'], repo.dir);
      assert.equal(r.code, 1, r.stderr);
      const out = JSON.parse(r.stdout) as { base: string; diagnostics: { file: string; code: string; message: string; renames?: { to: string }[] }[] };
      assert.equal(out.base, 'applied list applied.txt');
      // (the removed version has no file: its finding comes first)
      assert.deepEqual(out.diagnostics.map((d) => `${path.basename(d.file)} ${d.code}`), ['20240105000000.sql removed-applied', '20240102000000_projects.sql out-of-order']);
      assert.match(out.diagnostics[1].message, /applied list applied\.txt already has version 20240105000000/);
      assert.deepEqual(out.diagnostics[1].renames!.map((x) => path.basename(x.to)), ['20240105000001_projects.sql']);
      writeFileSync(list, 'not a list\n');
      const bad = cli(['check', '--applied', list], repo.dir);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /applied\.txt:1: "not a list" is not a migration version/);
    });
  });

  describe('in the editor (analyzeFolder, then reanalyzeFolder after edits)', () => {
    it('an edit that adds or removes a statement in an applied migration updates edited-applied, as a fresh analysis would', async () => {
      await initParser();
      const config: EngineConfig = {
        baseline: {
          label: 'origin/main@0000000',
          migrations: [
            { name: '20240101000000_accounts.sql', version: '20240101000000', text: A },
            { name: '20240105000000_billing.sql', version: '20240105000000', text: B },
          ],
        },
      };
      const texts = new Map<string, string>([
        ['20240101000000_accounts.sql', A],
        ['20240105000000_billing.sql', B],
        ['20240102000000_projects.sql', X],
      ]);
      const input = (): FolderInput => ({ folder: 'supabase/migrations', entries: [...texts.keys()].map((name) => ({ name, isDirectory: false })), files: new Map([...texts].map(([k, v]) => [k, { text: v }])), config });
      const cache: FactsCache = new Map();
      let a = analyzeFolder(input(), cache);
      assert.deepEqual(team(a), ['20240102000000_projects.sql out-of-order']);
      for (const text of [A + '-- a comment\n', A + 'select 1;\n', A.replace('text not null', 'text'), A]) {
        texts.set('20240101000000_accounts.sql', text);
        a = reanalyzeFolder(a, input(), cache);
        assert.deepEqual(observable(a), observable(analyzeFolder(input())), text);
      }
      texts.set('20240101000000_accounts.sql', A + 'select 1;\n');
      a = reanalyzeFolder(a, input(), cache);
      assert.deepEqual(team(a), ['20240101000000_accounts.sql edited-applied', '20240102000000_projects.sql out-of-order']);
    });
  });

  describe('CLI', () => {
    it('--base outside a git repository: exit 2 and one line', () => {
      const dir = path.join(tmp.dir, 'plain', MIGRATIONS);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, '20240101000000_accounts.sql'), A);
      const r = cli(['check', '--base', 'auto'], path.join(tmp.dir, 'plain'));
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /not inside a git repository/);
      // no git on the PATH (only node): the same, one line
      const bin = path.join(tmp.dir, 'bin');
      mkdirSync(bin);
      symlinkSync(process.execPath, path.join(bin, 'node'));
      const nogit = spawnSync(process.execPath, [CLI, 'check', '--base', 'auto'], { cwd: path.join(tmp.dir, 'plain'), encoding: 'utf8', env: { ...process.env, ...GIT_ISOLATION, PATH: bin } });
      assert.equal(nogit.status, 2);
      assert.equal(nogit.stderr, 'supabase-migrations: --base auto: git is not installed (no `git` on the PATH)\n');
      assert.equal(cli(['graph', '--base', 'auto'], path.join(tmp.dir, 'plain')).code, 2);
      assert.match(cli(['check', '--fix'], path.join(tmp.dir, 'plain')).stderr, /--fix .* needs --base/);
    });

    it('SARIF, GitHub and JSON carry the findings and the base', () => {
      const { work } = teamRepos(tmp.dir);
      const sarif = cli(['check', '--base', 'origin/main', '--format', 'sarif'], work.dir);
      assert.equal(sarif.code, 1);
      const log = JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[] };
      const results = log.runs[0].results.filter((x) => x.ruleId === 'out-of-order');
      assert.equal(results.length, 2);
      assert.equal(results[0].level, 'error');
      assert.ok(log.runs[0].tool.driver.rules.some((x) => x.id === 'edited-applied'));
      const gh = cli(['check', '--base', 'origin/main', '--format', 'github'], work.dir);
      assert.match(gh.stdout, /::error file=supabase\/migrations\/20240102000000_projects\.sql,.*title=out-of-order/);
      const text = cli(['check', '--base', 'origin/main'], work.dir);
      assert.match(text.stdout, /compared with origin\/main@[0-9a-f]{7}/);
    });
  });
});
