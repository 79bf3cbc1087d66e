#!/usr/bin/env node
/** The process edge: binds stdout/stderr/env to the program and sets the exit code. */
import './cli/jitless.js';

// Loaded after jitless.js has run: a static import may be evaluated first (a bundler hoists
// shared chunks above the entry's own code), and zod reads the setting when a schema is built.
const { main } = await import('./cli/main.js');
const { useDiskTables } = await import('./app/tables.js');
useDiskTables(); // the core reads its domain tables through the source the edge provides

// Output that cannot be delivered. A closed pipe (`kehoach … | head`) is the reader's choice:
// the rest is dropped and the exit code is the one computed. Any other failure (a full disk,
// `> /dev/full`) loses the output: said on stderr, exit 2. A closed stderr loses only messages.
let stdoutFailure: string | null = null;
let stdoutClosed = false;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') stdoutClosed = true;
  else stdoutFailure ??= e.code ?? e.message;
});
let stderrClosed = false;
process.stderr.on('error', () => {
  stderrClosed = true;
});
const write = (stream: NodeJS.WriteStream, s: string): void => {
  try {
    stream.write(s);
  } catch (e) {
    // A synchronous file or pipe may throw instead of emitting: the same cases as above.
    stream.emit('error', e);
  }
};

let code = await main(process.argv.slice(2), {
  out: (s) => {
    if (!stdoutClosed && !stdoutFailure) write(process.stdout, s);
  },
  err: (s) => {
    if (!stderrClosed) write(process.stderr, s);
  },
  isTTY: Boolean(process.stdout.isTTY),
  errIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
});
// Errors of the last writes arrive on the next turns of the event loop.
await new Promise((r) => setImmediate(r));
if (stdoutFailure && !stdoutClosed) {
  // The reader's language as the commands choose it: --lang, else $KEHOACH_LANG (the configuration is not read here).
  const i = process.argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = i < 0 ? process.env['KEHOACH_LANG'] : process.argv[i]!.includes('=') ? process.argv[i]!.slice(7) : process.argv[i + 1];
  const lang = given === 'en' ? 'en' : 'vi';
  // The dictionary is loaded only here: a run whose output arrives never pays for it.
  const { rt } = await import('./format/terms.js');
  if (!stderrClosed) write(process.stderr, `kehoach: ${rt('write.stdout', lang, { code: stdoutFailure })}\n`);
  code = 2;
}
process.exitCode = code;
