#!/usr/bin/env node
/** The process edge: binds stdout/stderr/env to the program and sets the exit code. */
import './cli/jitless.js';

// Loaded after jitless.js has run: a static import may be evaluated first (a bundler hoists
// shared chunks above the entry's own code), and zod reads the setting when a schema is built.
const { main } = await import('./cli/main.js');
const { useDiskTables } = await import('./app/tables.js');
useDiskTables(); // the core reads its domain tables through the source the edge provides

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); // `kehoach … | head` is not an error
});

const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  errIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
});
process.exitCode = code;
