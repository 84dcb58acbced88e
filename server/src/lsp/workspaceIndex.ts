/**
 * Everything the server knows: the migration folders of every workspace folder, their files (from disk,
 * overlaid by unsaved editor text), cached facts per file and the latest analysis per folder. Open
 * documents and the background scan go through the same analysis call. No LSP types here.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Analysis, EngineConfig, FactsCache, FileContent, reanalyzeFolder } from '../engine/analyze';
import { DEFAULT_POSTGRES_VERSION, grammarLoaded, loadGrammars, parserLoaded } from '../engine/parser';
import { sqlSize } from '../wasmTier';
import type { DirectoryEntry } from '../engine/types';
import { loadConfig } from '../host/config';
import { choosePostgresVersion, supabaseConfigPath, type PostgresVersionChoice } from '../host/supabaseConfig';
import { editorContent, findMigrationFolders, globToRegExp, listEntries, projectRoot, readMigrationFile } from '../host/workspace';
import { isSqlFileName } from '../engine/discover';
import { DEFAULT_SETTINGS, ServerSettings } from '../protocol';
import type { Baseline } from '../engine/baseline';

export interface FolderState {
  /** Absolute path of the migrations folder. */
  folder: string;
  /** The project root (parent of `supabase/`): where the config file lives. */
  root: string;
  entries: DirectoryEntry[];
  disk: Map<string, FileContent>;
  cache: FactsCache;
  config: EngineConfig;
  /** The PostgreSQL major version the folder is analysed for (`config.postgresVersion`) and what said so. */
  postgres: PostgresVersionChoice;
  analysis?: Analysis;
  dirty: boolean;
  /**
   * What the git base has (lsp/baseTracking.ts reads it; `config.baseline` carries it into the analysis):
   * undefined when the team-workflow rules are off or git cannot say.
   */
  baseline?: Baseline;
}

export interface Logger {
  info(msg: string): void;
  error(msg: string): void;
}

export class WorkspaceIndex {
  readonly folders = new Map<string, FolderState>();
  /** Unsaved editor text by absolute path. */
  private readonly overlay = new Map<string, { text: string; version: number }>();
  private roots: string[] = [];
  settings: ServerSettings = DEFAULT_SETTINGS;
  /** Resolves when the latest full scan has finished (tests and the bench wait on it). */
  scanning: Promise<void> = Promise.resolve();
  private scanningNow = false;
  /**
   * The changes that read the disk (scans, file events, the file of a closed document, configs) run one at
   * a time, in the order they were asked for: a read that started earlier never lands after a later one, and
   * a file event never lands on a folder's state that a re-read of the folder is about to replace.
   */
  private queue: Promise<unknown> = Promise.resolve();

  /** A scan is running, or the parser is not loaded yet (it is loaded after the first scan): answers are partial. */
  get indexing(): boolean {
    return this.scanningNow || !parserLoaded();
  }

  constructor(private readonly log: Logger) {}

  // ---- discovery -----------------------------------------------------------------------------------

  private serially<T>(change: () => Promise<T>): Promise<T> {
    const run = this.queue.then(change);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Find every migrations folder under the workspace roots and read it. */
  scan(roots: string[], onProgress?: (done: number, total: number, folder: string) => void): Promise<void> {
    this.roots = roots;
    this.scanningNow = true;
    return (this.scanning = this.serially(() => this.scanNow(roots, onProgress)));
  }

  private async scanNow(roots: string[], onProgress?: (done: number, total: number, folder: string) => void): Promise<void> {
    this.scanningNow = true;
    try {
      const found = new Set<string>();
      for (const root of roots) for (const f of await this.findMigrationFolders(root)) found.add(f);
      for (const f of [...this.folders.keys()]) if (!found.has(f)) this.folders.delete(f);
      const list = [...found].sort();
      let done = 0;
      for (const f of list) {
        onProgress?.(done++, list.length, f);
        await this.readFolder(f);
      }
    } finally {
      this.scanningNow = false;
    }
  }

  private globs(): RegExp[] {
    return (this.settings.migrationsFolders.length ? this.settings.migrationsFolders : DEFAULT_SETTINGS.migrationsFolders).map(globToRegExp);
  }

  /** The migrations folders under a workspace root (`supabaseMigrations.migrationsFolders` globs). */
  findMigrationFolders(root: string): Promise<string[]> {
    return findMigrationFolders(root, this.globs());
  }

  /** (Re)read a migrations folder from disk (its new state replaces the old one). */
  private async readFolder(folder: string): Promise<FolderState | undefined> {
    let entries: DirectoryEntry[];
    try {
      entries = await listEntries(folder);
    } catch {
      this.folders.delete(folder);
      return undefined;
    }
    const prev = this.folders.get(folder);
    const root = projectRoot(folder);
    const { config, postgres } = await this.configFor(root, folder);
    const disk = new Map<string, FileContent>();
    for (const e of entries) {
      if (e.isDirectory || !isSqlFileName(e.name)) continue;
      const c = await readMigrationFile(path.join(folder, e.name), config.maxFileBytes);
      if (c) disk.set(e.name, c);
    }
    // (the git base is the tracker's: a re-read of the folder keeps it)
    if (prev?.baseline) config.baseline = prev.baseline;
    const state: FolderState = { folder, root, entries, disk, cache: prev?.cache ?? new Map(), config, postgres, dirty: true, baseline: prev?.baseline };
    this.folders.set(folder, state);
    return state;
  }

  /** How much SQL the folders hold on disk (the size the parser's compile tier is chosen by). */
  sqlSize(): number {
    let n = 0;
    for (const st of this.folders.values()) n += sqlSize(st.disk.values());
    return n;
  }

  /**
   * A folder's configuration: the project's config file merged with the editor's settings, and the
   * PostgreSQL version (the `supabaseMigrations.postgresVersion` setting, else the config file's
   * `postgresVersion`, else supabase/config.toml's `[db] major_version` beside the folder, else the default),
   * whose grammar is loaded here once the parser is.
   */
  private async configFor(root: string, folder: string): Promise<{ config: EngineConfig; postgres: PostgresVersionChoice }> {
    let file: EngineConfig = {};
    let filePath: string | undefined;
    try {
      ({ config: file, path: filePath } = await loadConfig(root));
    } catch (e) {
      this.log.error(`config: ${(e as Error).message}`);
    }
    const s = this.settings;
    // the editor's setting, like the command line's --pg-version, over the config files
    const explicit =
      s.postgresVersion !== null && s.postgresVersion !== undefined
        ? { version: s.postgresVersion, source: 'the supabaseMigrations.postgresVersion setting' }
        : file.postgresVersion !== undefined && filePath
          ? { version: file.postgresVersion, source: filePath }
          : undefined;
    const postgres = await choosePostgresVersion(folder, explicit, DEFAULT_POSTGRES_VERSION);
    if (postgres.ignored) this.log.error(`${postgres.ignored.file}: ${postgres.ignored.reason}; assuming PostgreSQL ${postgres.version}`);
    // (before the parser is loaded, the first index loads every folder's grammar with it)
    if (parserLoaded()) await loadGrammars([postgres.version]);
    const config: EngineConfig = {
      ...file,
      rules: { ...(file.rules ?? {}), ...(s.rules as EngineConfig['rules']) },
      foreignKeyPatterns: file.foreignKeyPatterns ?? s.foreignKeyPatterns,
      postgresVersion: postgres.version,
    };
    return { config, postgres };
  }

  /** The PostgreSQL versions of every folder (the grammars to load). */
  postgresVersions(): number[] {
    return [...new Set([...this.folders.values()].map((st) => st.postgres.version))];
  }

  private async reloadConfig(st: FolderState): Promise<void> {
    const { config, postgres } = await this.configFor(st.root, st.folder);
    if (st.baseline) config.baseline = st.baseline;
    st.config = config;
    st.postgres = postgres;
  }

  /**
   * The folder's git base changed (lsp/baseTracking.ts): the next analysis compares with this one. The
   * configuration object is replaced only here, so an unchanged base keeps incremental analyses incremental.
   */
  setBaseline(st: FolderState, baseline: Baseline | undefined): void {
    st.baseline = baseline;
    st.config = { ...st.config, baseline };
    if (!baseline) delete st.config.baseline;
    st.dirty = true;
  }

  reloadConfigs(): Promise<void> {
    return this.serially(async () => {
      for (const st of this.folders.values()) {
        await this.reloadConfig(st);
        st.cache.clear();
        st.dirty = true;
      }
    });
  }

  // ---- documents and file events ---------------------------------------------------------------

  folderOf(file: string): FolderState | undefined {
    return this.folders.get(path.dirname(file));
  }

  setOverlay(file: string, text: string, version: number): FolderState | undefined {
    this.overlay.set(file, { text, version });
    const st = this.folderOf(file);
    if (st) st.dirty = true;
    return st;
  }

  /** The editor closed the file: the disk content counts again. */
  clearOverlay(file: string): Promise<FolderState | undefined> {
    this.overlay.delete(file);
    return this.serially(async () => {
      const st = this.folderOf(file);
      if (st) {
        const c = await readMigrationFile(file, st.config.maxFileBytes);
        const name = path.basename(file);
        if (c) st.disk.set(name, c);
        else st.disk.delete(name);
        st.dirty = true;
      }
      return st;
    });
  }

  /** Paths of documents open in the editor inside a folder. */
  openFiles(folder: string): string[] {
    return [...this.overlay.keys()].filter((p) => path.dirname(p) === folder);
  }

  versionOf(file: string): number | null {
    return this.overlay.get(file)?.version ?? null;
  }

  /** Files created, changed, deleted or renamed outside the editor (or by it): re-read what is affected. */
  filesChanged(files: string[]): Promise<FolderState[]> {
    return this.serially(() => this.readChanges(files));
  }

  private async readChanges(files: string[]): Promise<FolderState[]> {
    const touched = new Set<FolderState>();
    const rescanRoots = new Set<string>();
    for (const f of files) {
      const st = this.folderOf(f);
      if (st) {
        const name = path.basename(f);
        const stat = await fs.stat(f).catch(() => undefined);
        st.entries = st.entries.filter((e) => e.name !== name);
        if (stat) st.entries.push({ name, isDirectory: stat.isDirectory() });
        if (stat && !stat.isDirectory() && isSqlFileName(name)) {
          const c = await readMigrationFile(f, st.config.maxFileBytes);
          if (c) st.disk.set(name, c);
        } else {
          // Deleted (or renamed away): an editor buffer without unsaved changes is no longer a migration.
          const was = st.disk.get(name);
          const open = this.overlay.get(f);
          if (!stat && open && (!was || open.text === was.text)) this.overlay.delete(f);
          st.disk.delete(name);
        }
        if (path.basename(f) === '.supabase-migrations.json' || path.basename(f) === 'supabase-migrations.json') await this.reloadConfig(st);
        st.dirty = true;
        touched.add(st);
      } else if (this.folders.has(f)) {
        const re = await this.readFolder(f);
        if (re) touched.add(re);
      } else if (/(^|[\\/])(supabase|migrations)$/.test(f) || /supabase-migrations\.json$/.test(f)) {
        for (const r of this.roots) if (f.startsWith(r)) rescanRoots.add(r);
        for (const st2 of this.folders.values()) if (st2.root === path.dirname(f)) {
          await this.reloadConfig(st2);
          st2.dirty = true;
          touched.add(st2);
        }
      } else if (path.basename(f) === 'config.toml') {
        // supabase/config.toml: the PostgreSQL version of the migrations folder beside it (facts made with
        // another grammar are not reused: the extraction key names it)
        for (const st2 of this.folders.values()) if (supabaseConfigPath(st2.folder) === f) {
          await this.reloadConfig(st2);
          st2.dirty = true;
          touched.add(st2);
        }
      }
    }
    if (rescanRoots.size) {
      await this.scanNow(this.roots);
      for (const st of this.folders.values()) touched.add(st);
    }
    return [...touched];
  }

  // ---- analysis ------------------------------------------------------------------------------------

  /** Analyse a folder now if anything changed since the last analysis. Returns whether it ran. */
  analyze(st: FolderState): boolean {
    if (!st.dirty && st.analysis) return false;
    // Before the parser is loaded (during the first scan) a folder stays unanalysed; the scan analyses it after.
    if (!parserLoaded()) return false;
    // (configFor loads the grammar of every version it finds; this is only a guard)
    if (!grammarLoaded(st.postgres.version)) {
      this.log.error(`${st.folder}: the PostgreSQL ${st.postgres.version} grammar is not loaded`);
      return false;
    }
    // Unsaved editor text over the disk's, without copying the folder's files or entries on every keystroke.
    const open = new Map<string, FileContent>();
    for (const [p, o] of this.overlay) if (path.dirname(p) === st.folder) open.set(path.basename(p), editorContent(o.text, st.config.maxFileBytes));
    const files = { get: (name: string) => open.get(name) ?? st.disk.get(name) };
    let entries = st.entries;
    for (const name of open.keys()) {
      if (entries.some((e) => e.name === name)) continue;
      if (entries === st.entries) entries = [...st.entries];
      entries.push({ name, isDirectory: false });
    }
    try {
      st.analysis = reanalyzeFolder(st.analysis, { folder: st.folder, entries, files, config: st.config }, st.cache);
    } catch (e) {
      this.log.error(`analysis of ${st.folder} failed: ${(e as Error).stack ?? e}`);
      // An incremental step may have failed half-way: the next analysis starts from scratch.
      st.analysis = undefined;
      st.cache.clear();
    }
    st.dirty = false;
    return true;
  }

  analyzeAll(): FolderState[] {
    const ran: FolderState[] = [];
    for (const st of this.folders.values()) if (this.analyze(st)) ran.push(st);
    return ran;
  }

  /** Where a file is: its folder, analysis, and migration index (-1 for a skipped file). */
  locate(file: string): { st: FolderState; analysis: Analysis; index: number } | undefined {
    const st = this.folderOf(file);
    if (!st) return undefined;
    this.analyze(st);
    if (!st.analysis) return undefined;
    return { st, analysis: st.analysis, index: st.analysis.migrations.findIndex((m) => m.path === file) };
  }
}
