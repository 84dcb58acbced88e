/**
 * The language server: LSP wiring only. Every capability is a plain function in ./features taking the
 * workspace index; the index owns files and analyses; adapters convert. Runs over stdio (any editor:
 * `node dist/server.js --stdio` or `supabase-migrations lsp`) or IPC (the VS Code client).
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { format } from 'node:util';
import { initParser } from '../engine/parser';
import { PARSER_BASELINE_MAX_BYTES, wasmTierFor } from '../wasmTier';
import {
  DEFAULT_SETTINGS,
  DependencyGraphRequest,
  GraphChangedNotification,
  NewMigrationRequest,
  ReindexRequest,
  ServerSettings,
  SuggestedRenameRequest,
  WaitForIndexRequest,
} from '../protocol';
import { localPaths, uriToPath } from './adapters';
import { BaseTracker } from './baseTracking';
import { handleCodeActions } from './features/codeActions';
import { handleDefinition } from './features/definition';
import { handleDependencyGraph } from './features/dependencyGraph';
import { handleHover } from './features/hover';
import { handleNewMigration, handleSuggestedRename } from './features/migrationFiles';
import { handleReferences } from './features/references';
import { handleDocumentSymbols, handleWorkspaceSymbols } from './features/symbols';
import { PublishScheduler } from './publishing';
import { FrameGuard } from './stdioFraming';
import { FolderState, WorkspaceIndex } from './workspaceIndex';

export function startServer(): void {
  if (!process.argv.some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) process.argv.push('--stdio');
  const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const log = {
    info: (m: string) => connection.console.log(m),
    error: (m: string) => connection.console.error(m),
  };
  const index = new WorkspaceIndex(log);
  let roots: string[] = [];
  let canConfigure = false;
  let canWatch = false;
  let canProgress = false;
  // Loaded once the first scan knows how much SQL there is (it decides how the parser is compiled).
  let parserReady: Promise<void> | undefined;

  /** Run a handler; a failure is logged and isolated, never a crash. */
  const guard =
    <P, R>(name: string, fn: (p: P) => R, fallback: R) =>
    (p: P): R => {
      try {
        return fn(p);
      } catch (e) {
        log.error(`${name} failed: ${(e as Error).stack ?? e}`);
        return fallback;
      }
    };

  const publishing = new PublishScheduler(index, {
    sendDiagnostics: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    graphChanged: (problems, indexing, postgres, bases) => void connection.sendNotification(GraphChangedNotification, { problems, indexing, postgres, bases }),
  });
  const schedule = (states: Iterable<FolderState | undefined>) => publishing.schedule(states);
  // the git base of each folder (team workflow), re-read when HEAD or the base moves
  const bases = new BaseTracker(index, log, schedule);
  const refreshBases = () => bases.refresh().catch((e) => log.error(`reading the git base failed: ${(e as Error).stack ?? e}`));

  // ---- settings -----------------------------------------------------------------------------------
  const pullSettings = async () => {
    if (!canConfigure) return;
    try {
      const s = (await connection.workspace.getConfiguration('supabaseMigrations')) as Partial<ServerSettings> | null;
      index.settings = {
        migrationsFolders: Array.isArray(s?.migrationsFolders) && s.migrationsFolders.length ? s.migrationsFolders : DEFAULT_SETTINGS.migrationsFolders,
        rules: s?.rules && typeof s.rules === 'object' ? s.rules : {},
        foreignKeyPatterns: Array.isArray(s?.foreignKeyPatterns) && s.foreignKeyPatterns.length ? s.foreignKeyPatterns : DEFAULT_SETTINGS.foreignKeyPatterns,
        postgresVersion: typeof s?.postgresVersion === 'number' && Number.isInteger(s.postgresVersion) && s.postgresVersion >= 13 && s.postgresVersion <= 99 ? s.postgresVersion : null,
        baseRef: typeof s?.baseRef === 'string' ? s.baseRef : DEFAULT_SETTINGS.baseRef,
      };
    } catch (e) {
      log.error(`reading settings failed: ${(e as Error).message}`);
    }
  };

  // ---- indexing -----------------------------------------------------------------------------------
  const indexAll = async () => {
    let progress: WorkDoneProgressReporter | undefined;
    if (canProgress) {
      progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
      progress?.begin('Supabase Migrations', 0, 'Indexing migrations…', false);
    }
    const started = Date.now();
    let ran: FolderState[];
    try {
      await index.scan(roots, (done, total, folder) => progress?.report(Math.round((done / Math.max(1, total)) * 100), `Reading ${folder}`));
      // (before the first analysis: the team-workflow findings come with the others, not after them)
      await refreshBases();
      try {
        await (parserReady ??= initParser({ tier: wasmTierFor(index.sqlSize(), PARSER_BASELINE_MAX_BYTES), versions: index.postgresVersions() }));
        // a re-index may find folders on another version than the first index did
        await initParser({ versions: index.postgresVersions() });
      } catch (e) {
        parserReady = undefined; // a Re-index tries again
        throw e;
      }
      ran = index.analyzeAll();
    } finally {
      progress?.done();
    }
    const migrations = [...index.folders.values()].reduce((n, s) => n + (s.analysis?.migrations.length ?? 0), 0);
    log.info(`indexed ${index.folders.size} migrations folder(s), ${migrations} migrations in ${Date.now() - started} ms`);
    schedule(ran.length ? ran : index.folders.values());
    publishing.flush();
  };
  /** The background scan's promise (not awaited by initialization; tests can wait for it). */
  let indexing: Promise<void> = Promise.resolve();
  /**
   * Settles when the first index after `initialized` is built (or failed). Until then `indexing` is not
   * the scan yet (the server may still be awaiting the client's settings), so waiting on it alone would
   * answer a request sent right after `initialized` with an empty workspace.
   */
  let firstIndexBuilt!: () => void;
  const firstIndex = new Promise<void>((resolve) => (firstIndexBuilt = resolve));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canConfigure = !!caps.workspace?.configuration;
    canWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canProgress = !!caps.window?.workDoneProgress;
    canFolders = !!caps.workspace?.workspaceFolders;
    roots = localPaths((params.workspaceFolders ?? []).map((f) => f.uri));
    if (!roots.length && params.rootUri) roots = localPaths([params.rootUri]);
    else if (!roots.length && params.rootPath) roots = [params.rootPath];
    const opts = params.initializationOptions as Partial<ServerSettings> | undefined;
    if (opts) index.settings = { ...DEFAULT_SETTINGS, ...opts };
    const sqlFiles = { filters: [{ pattern: { glob: '**/*.sql', options: { ignoreCase: true } } }, { pattern: { glob: '**/migrations', matches: 'folder' as const } }] };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        definitionProvider: true,
        referencesProvider: true,
        hoverProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: {
          workspaceFolders: { supported: true, changeNotifications: true },
          fileOperations: { didCreate: sqlFiles, didRename: sqlFiles, didDelete: sqlFiles },
        },
      },
      serverInfo: { name: 'supabase-migrations', version: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' },
    };
  });

  let canFolders = false;
  connection.onInitialized(async () => {
    if (canFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
        const removed = new Set(localPaths(e.removed.map((f) => f.uri)));
        roots = [...roots.filter((r) => !removed.has(r)), ...localPaths(e.added.map((f) => f.uri))];
        indexing = indexAll().catch((err) => log.error(`re-indexing failed: ${(err as Error).stack ?? err}`));
      });
    }
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.sql' }, { globPattern: '**/supabase/migrations' }, { globPattern: '**/{.supabase-migrations.json,supabase-migrations.json}' }, { globPattern: '**/config.toml' }],
      });
    }
    await pullSettings();
    indexing = indexAll().catch((e) => log.error(`indexing failed: ${(e as Error).stack ?? e}`));
    void indexing.finally(firstIndexBuilt);
  });

  connection.onDidChangeConfiguration(async () => {
    await pullSettings();
    await index.reloadConfigs();
    await refreshBases();
    schedule(index.folders.values());
  });
  connection.onShutdown(() => bases.dispose());

  // ---- documents ----------------------------------------------------------------------------------
  documents.onDidChangeContent((e) => {
    const file = uriToPath(e.document.uri);
    if (file !== undefined) {
      schedule([index.setOverlay(file, e.document.getText(), e.document.version)]);
      bases.fileChanged(file);
    }
  });
  documents.onDidClose(async (e) => {
    const file = uriToPath(e.document.uri);
    if (file !== undefined) schedule([await index.clearOverlay(file)]);
  });

  // (the index applies them after a scan in progress, in order)
  const filesChanged = async (paths: string[]) => {
    for (const p of paths) bases.fileChanged(p);
    schedule(await index.filesChanged(paths));
  };
  connection.onDidChangeWatchedFiles((e) => {
    const paths = localPaths(e.changes.map((c) => c.uri));
    // a document open in the editor keeps its unsaved text; the disk version is read for the rest
    void filesChanged(paths).catch((err) => log.error(String(err)));
  });
  connection.workspace.onDidCreateFiles((e) => void filesChanged(localPaths(e.files.map((f) => f.uri))));
  connection.workspace.onDidDeleteFiles((e) => void filesChanged(localPaths(e.files.map((f) => f.uri))));
  connection.workspace.onDidRenameFiles((e) => void filesChanged(localPaths(e.files.flatMap((f) => [f.oldUri, f.newUri]))));

  // ---- features -----------------------------------------------------------------------------------
  connection.onDefinition(guard('definition', (p) => handleDefinition(index, p), null));
  connection.onReferences(guard('references', (p) => handleReferences(index, p), null));
  connection.onHover(guard('hover', (p) => handleHover(index, p), null));
  connection.onDocumentSymbol(guard('documentSymbol', (p) => handleDocumentSymbols(index, p), []));
  connection.onWorkspaceSymbol(guard('workspaceSymbol', (p) => handleWorkspaceSymbols(index, p), []));
  connection.onCodeAction(guard('codeAction', (p) => handleCodeActions(index, p), []));
  connection.onRequest(DependencyGraphRequest, guard('dependencyGraph', (p) => handleDependencyGraph(index, p ?? {}), { folders: [], indexing: true }));
  connection.onRequest(SuggestedRenameRequest, guard('suggestedRename', (p) => handleSuggestedRename(index, p), { reason: 'internal error' }));
  connection.onRequest(NewMigrationRequest, async (p) => {
    try {
      return await handleNewMigration(index, p);
    } catch (e) {
      log.error(`newMigration failed: ${(e as Error).stack ?? e}`);
      return { error: 'internal error' };
    }
  });
  connection.onRequest(ReindexRequest, async () => {
    for (const st of index.folders.values()) st.cache.clear();
    indexing = indexAll();
    await indexing;
    return { folders: index.folders.size, migrations: [...index.folders.values()].reduce((n, s) => n + (s.analysis?.migrations.length ?? 0), 0) };
  });
  /** For tests and the benchmark: resolves when the background index is built. */
  connection.onRequest(WaitForIndexRequest, async () => {
    await firstIndex;
    await indexing;
    return { folders: index.folders.size };
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * A connection over stdin/stdout whose input passes the framing guard, so a malformed frame costs that
 * frame, not the session. Anything written with console.* goes to stderr (stdout carries the protocol).
 */
function stdioConnection() {
  for (const k of ['log', 'info', 'warn', 'debug', 'error', 'trace', 'dir'] as const) {
    console[k] = (...args: unknown[]) => void process.stderr.write(format(...args) + '\n');
  }
  return createConnection(ProposedFeatures.all, process.stdin.pipe(new FrameGuard()), process.stdout);
}

declare const __VERSION__: string | undefined;
