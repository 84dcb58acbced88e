/**
 * Custom requests and notifications between the VS Code client and the language server, declared once and
 * imported by both sides. Direction is given for each. Plain JSON types only.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export interface GraphNodeDto {
  index: number;
  uri: string;
  name: string;
  version: string;
  /** Errors and warnings currently reported in this migration. */
  errors: number;
  warnings: number;
  /** Team workflow (a base is known, `MigrationFolderGraphDto.base`): its version is not in the base — new on this branch. */
  newOnBranch?: boolean;
  /** New on this branch and sorting before the base's newest migration (the out-of-order rule): `db push` refuses it. */
  outOfOrder?: boolean;
}

export interface GraphObjectDto {
  /** Display name, e.g. `copilot_internal.tenants`. */
  name: string;
  /** Where the object is created (in the edge's target migration). */
  location?: { uri: string; range: LspRange };
  /** Where the source migration uses it first. */
  use?: { uri: string; range: LspRange };
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface GraphEdgeDto {
  /** Index of the migration that uses the objects. */
  from: number;
  /** Index of the migration that creates them. */
  to: number;
  objects: GraphObjectDto[];
  /** The creator runs after the user: the user fails when applied. */
  forward: boolean;
  /** Every use is inside a function body (checked only when it runs). */
  deferred: boolean;
}

export interface MigrationFolderGraphDto {
  folderUri: string;
  nodes: GraphNodeDto[];
  edges: GraphEdgeDto[];
  /** The same graph as Mermaid source (the CLI's `graph --format mermaid`), when the request asked for it. */
  mermaid?: string;
  /** The git base the folder is compared with (`origin/main@abc1234`), when the team-workflow rules are on. */
  base?: string;
}

export interface DependencyGraphParams {
  /** Also each folder's Mermaid source (the graph view's export). */
  mermaid?: boolean;
}

export interface DependencyGraphResult {
  folders: MigrationFolderGraphDto[];
  /** True while the initial index is being built. */
  indexing: boolean;
}

/** client → server: the dependency graph of every migrations folder. */
export const DependencyGraphRequest = new RequestType<DependencyGraphParams, DependencyGraphResult, void>('supabaseMigrations/dependencyGraph');

/**
 * server → client: findings or the graph changed; ask again. `postgres`: per migrations folder, the PostgreSQL
 * version it is analysed for and what said so (`PostgreSQL 15 (supabase/config.toml)`). `bases`: the git bases
 * the folders are compared with (`origin/main@abc1234`; empty when the team-workflow rules are off).
 */
export const GraphChangedNotification = new NotificationType<{ problems: number; indexing: boolean; postgres?: string[]; bases?: string[] }>('supabaseMigrations/graphChanged');

export interface SuggestedRenameParams {
  uri: string;
}
export interface SuggestedRenameResult {
  /** The new URI, when a rename fixes the file's forward references. */
  newUri?: string;
  title?: string;
  /** Why there is nothing to do (no forward reference, or a cycle). */
  reason?: string;
}
/** client → server: the rename that fixes a migration's forward references. */
export const SuggestedRenameRequest = new RequestType<SuggestedRenameParams, SuggestedRenameResult, void>('supabaseMigrations/suggestedRename');

export interface NewMigrationParams {
  /** A file or folder URI in the workspace to pick the migrations folder (optional). */
  nearUri?: string;
  name: string;
}
export interface NewMigrationResult {
  uri?: string;
  error?: string;
}
/** client → server: a non-colliding URI for a new migration named like `supabase migration new`. */
export const NewMigrationRequest = new RequestType<NewMigrationParams, NewMigrationResult, void>('supabaseMigrations/newMigration');

/** client → server: forget everything and index all folders again. */
export const ReindexRequest = new RequestType<Record<string, never>, { folders: number; migrations: number }, void>('supabaseMigrations/reindex');

/** client → server (tests, the benchmark, the client's first tree load): resolves when the background index is built. */
export const WaitForIndexRequest = new RequestType<Record<string, never>, { folders: number }, void>('supabaseMigrations/waitForIndex');

/** Settings under `supabaseMigrations.*` (package.json `contributes.configuration`). */
export interface ServerSettings {
  migrationsFolders: string[];
  rules: Record<string, 'off' | 'error' | 'warning' | 'info' | 'hint'>;
  foreignKeyPatterns: string[];
  /** The PostgreSQL major version to parse for, over the config files; null: supabase/config.toml's `[db] major_version`. */
  postgresVersion: number | null;
  /**
   * The git ref migrations are compared with (team workflow: out-of-order, edited-applied, removed-applied,
   * renamed-applied): `auto` (the default branch: origin/HEAD, origin/main, origin/master, main, master), a
   * branch, tag or commit; `off` or empty: no comparison.
   */
  baseRef: string;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  migrationsFolders: ['**/supabase/migrations'],
  rules: {},
  foreignKeyPatterns: ['^(.+)_id$'],
  postgresVersion: null,
  baseRef: 'auto',
};
