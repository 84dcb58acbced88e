/** Entry point of dist/server.js: `node dist/server.js --stdio` (any editor) or IPC (VS Code). */
import { startServer } from './server';

startServer();
