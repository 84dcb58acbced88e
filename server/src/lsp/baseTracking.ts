/**
 * The editor's side of the team workflow: which git base each migrations folder is compared with, read in the
 * server process with host/git.ts (never in the engine) and handed to the analysis as `EngineConfig.baseline`
 * (WorkspaceIndex.setBaseline), as `check --base` does. The base is the `supabaseMigrations.baseRef` setting:
 * `auto` (the default branch, host/git.ts DEFAULT_BRANCH_CANDIDATES), a ref, or `off`/empty.
 *
 * The working-tree side is what the rest of the server analyses (open documents over the disk). A file that is
 * not open in the editor is compared as `check --base` compares it: by git's blob id of its bytes on disk, so
 * that the base's text is read (and compared on every analysis) only for files that differ — a large folder
 * costs nothing per keystroke. For the files open in the editor the base's text is always read, so that unsaved
 * edits compare live; a file opened or changed on disk after the base was read makes it read again (debounced).
 *
 * Refreshed when HEAD or a base may have moved: the repository's git state (HEAD, FETCH_HEAD, packed-refs, the
 * refs folder: host/git.ts gitStatePaths) is watched with fs.watch here in the server — git replaces those
 * files by renaming a lock file over them, so their folders are watched, not the files — and a burst of
 * changes (a checkout, a rebase) costs one re-read after a quiet moment. A folder whose base reads the same as
 * before is left alone (its analysis stays incremental); one whose base changed is analysed again and the
 * publisher sends only the files whose diagnostics changed.
 *
 * Without git, outside a repository, in a shallow clone without the base: one line in the log per folder and
 * cause (said again only when it changes), and the folder is analysed without the team-workflow rules.
 */
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Baseline } from '../engine/baseline';
import { GitError, gitStatePaths, readBaseline, repositoryRoot } from '../host/git';
import type { FolderState, Logger, WorkspaceIndex } from './workspaceIndex';

/** Quiet time after the last git state change before the bases are read again. */
export const BASE_REFRESH_DELAY_MS = 300;

/** Files directly in a git directory whose change can move HEAD or a base. */
const STATE_FILES = new Set(['HEAD', 'FETCH_HEAD', 'packed-refs']);

export class BaseTracker {
  /** The last line logged per folder: a cause is said once, again only when it changes. */
  private readonly said = new Map<string, string>();
  /** Per folder, the files compared by their disk bytes at the last read (not open in the editor then). */
  private readonly byDisk = new Map<string, Set<string>>();
  /** Watchers per repository root. */
  private readonly watchers = new Map<string, FSWatcher[]>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private disposed = false;

  /**
   * `changed`: folders whose base changed (their next analysis compares with it): analyse and publish them.
   */
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly log: Logger,
    private readonly changed: (states: FolderState[]) => void,
    private readonly delayMs = BASE_REFRESH_DELAY_MS,
  ) {}

  /** The base to compare with, from the setting; undefined when the comparison is off. */
  private spec(): string | undefined {
    const s = String(this.index.settings.baseRef ?? 'auto').trim();
    return !s || s.toLowerCase() === 'off' ? undefined : s;
  }

  /**
   * Read every folder's base again (after an index, a settings change, a git state change). Calls made while
   * a read runs are folded into one more read after it; resolves when the bases are current.
   */
  refresh(): Promise<void> {
    this.again = true;
    return (this.running ??= (async () => {
      try {
        while (this.again && !this.disposed) {
          this.again = false;
          await this.readAll();
        }
      } finally {
        this.running = undefined;
      }
    })());
  }

  /**
   * A migration's text changed outside what the last read assumed: opened in the editor (its unsaved text now
   * counts) or changed on disk. Read the base again soon when that file was compared by its disk bytes.
   */
  fileChanged(file: string): void {
    if (this.disposed || !this.spec()) return;
    const byDisk = this.byDisk.get(path.dirname(file));
    if (byDisk?.has(path.basename(file))) this.soon();
  }

  /** A git state change: read again after a quiet moment. */
  private soon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch((e) => this.log.error(`reading the git base failed: ${(e as Error).stack ?? e}`)), this.delayMs);
  }

  private async readAll(): Promise<void> {
    const spec = this.spec();
    const repositories = new Set<string>();
    const changed: FolderState[] = [];
    for (const folder of [...this.index.folders.keys()]) {
      let baseline: Baseline | undefined;
      let line: string | undefined;
      if (spec) {
        try {
          // open documents: their base text, compared with the editor's text; the rest by their bytes on disk
          const open = new Set(this.index.openFiles(folder).map((f) => path.basename(f)));
          const byDisk = new Set<string>();
          this.byDisk.set(folder, byDisk);
          const gb = await readBaseline(folder, spec, (name) => {
            if (open.has(name)) return undefined;
            byDisk.add(name);
            try {
              return readFileSync(path.join(folder, name));
            } catch {
              return undefined;
            }
          });
          baseline = gb.baseline;
          repositories.add(gb.root);
          line = `team workflow: ${this.display(folder)} is compared with ${gb.base.label}${gb.base.how === 'default-branch' ? ' (the default branch; setting supabaseMigrations.baseRef)' : ''}`;
        } catch (e) {
          if (!(e instanceof GitError)) throw e;
          line = `team workflow off for ${this.display(folder)}: ${e.message} (out-of-order, edited-applied, removed-applied and renamed-applied need git and the base; everything else works)`;
          // a repository without the base yet (not fetched, shallow): a fetch or a checkout may bring it
          if (e.kind !== 'git-missing' && e.kind !== 'not-a-repository') {
            const root = await repositoryRoot(folder).catch(() => undefined);
            if (root) repositories.add(root);
          }
        }
      }
      this.say(folder, line);
      const st = this.index.folders.get(folder);
      if (!st || sameBaseline(st.baseline, baseline)) continue;
      this.index.setBaseline(st, baseline);
      changed.push(st);
    }
    for (const f of [...this.said.keys()]) if (!this.index.folders.has(f)) this.said.delete(f);
    for (const f of [...this.byDisk.keys()]) if (!this.index.folders.has(f) || !spec) this.byDisk.delete(f);
    await this.watch(repositories);
    if (changed.length) this.changed(changed);
  }

  private say(folder: string, line: string | undefined): void {
    if (line === undefined) {
      if (this.said.has(folder)) this.log.info(`team workflow off for ${this.display(folder)} (setting supabaseMigrations.baseRef)`);
      this.said.delete(folder);
      return;
    }
    if (this.said.get(folder) === line) return;
    this.said.set(folder, line);
    this.log.info(line);
  }

  private display(folder: string): string {
    return `${path.basename(path.dirname(folder))}/${path.basename(folder)}`;
  }

  /** Watch the git state of exactly these repositories (new ones added, others closed). */
  private async watch(roots: Set<string>): Promise<void> {
    for (const [root, ws] of this.watchers) {
      if (roots.has(root)) continue;
      for (const w of ws) w.close();
      this.watchers.delete(root);
    }
    for (const root of roots) {
      if (this.watchers.has(root) || this.disposed) continue;
      let paths: string[];
      try {
        paths = await gitStatePaths(root);
      } catch (e) {
        this.log.error(`team workflow: cannot watch ${root}: ${(e as Error).message}`);
        continue;
      }
      const ws: FSWatcher[] = [];
      const dirs = new Set(paths.filter((p) => STATE_FILES.has(path.basename(p))).map((p) => path.dirname(p)));
      for (const dir of dirs) this.add(ws, dir, false, (name) => STATE_FILES.has(name));
      const refs = paths.find((p) => path.basename(p) === 'refs');
      if (refs) this.add(ws, refs, true, (name) => !name.endsWith('.lock'));
      this.watchers.set(root, ws);
    }
  }

  private add(ws: FSWatcher[], dir: string, recursive: boolean, relevant: (name: string) => boolean): void {
    try {
      const w = watch(dir, { recursive, persistent: false }, (_event, name) => {
        // (no name: the platform could not say which file changed)
        if (!name || relevant(path.basename(String(name)))) this.soon();
      });
      w.on('error', () => w.close());
      ws.push(w);
    } catch (e) {
      this.log.error(`team workflow: cannot watch ${dir}: ${(e as Error).message}; the base is read again on a settings change or a re-index`);
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const ws of this.watchers.values()) for (const w of ws) w.close();
    this.watchers.clear();
  }
}

/** The same base: the same label (it names the commit) and the same migrations. */
function sameBaseline(a: Baseline | undefined, b: Baseline | undefined): boolean {
  if (!a || !b) return a === b;
  return a.label === b.label && JSON.stringify(a.migrations) === JSON.stringify(b.migrations);
}
