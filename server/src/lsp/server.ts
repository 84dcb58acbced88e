/** Language server entry point (implemented in the language-server issue). */
export function startServer(): void {
  process.stderr.write('supabase-migrations: the language server is not built yet\n');
  process.exitCode = 2;
}
if (require.main === module) startServer();
