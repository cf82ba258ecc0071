/**
 * `npm start`. Signal handlers come first, before any other module is loaded, so a SIGTERM or
 * SIGINT at any moment stops Sitrep cleanly within the hard limit; then the composition root
 * (app/start-sitrep.ts) starts everything.
 */
import { installShutdown } from './app/graceful-shutdown.js';

const shutdown = installShutdown({ hardLimitMs: 10_000 });
const { runSitrep } = await import('./app/start-sitrep.js');
process.exitCode = await runSitrep(shutdown);
