/**
 * Entry point of dist/cli.js, the `supabase-migrations` command: the CLI (cli/main.ts), whose `lsp` command
 * starts the language server (lsp/server.ts, loaded only then). The one module that wires the two front ends.
 */
import { main } from './cli/main';

main(process.argv.slice(2), async () => {
  const { startServer } = await import('./lsp/server');
  startServer();
}).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`supabase-migrations: internal error: ${e?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
