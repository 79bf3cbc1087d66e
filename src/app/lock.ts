/**
 * A lock on a file that kehoach rewrites (link --write), so that concurrent writers of one
 * plan take turns, each reading the plan as the one before it left it: six `link --write` at
 * once write the links once, not six times.
 *
 * The lock is a file beside the plan, created exclusively, holding the holder's pid. A process
 * killed while holding it cannot leave it stale: a waiter that finds the holder's pid gone
 * removes the lock, under a second, short-lived lock that only one remover can hold, and takes
 * its turn. Only processes of one machine are coordinated (a pid means nothing on another).
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat, unlink, writeFile } from 'node:fs/promises';

export interface LockOptions {
  /** How long to wait for another writer before giving up, in ms. */
  timeoutMs?: number;
}

export type Locked<T> = { ok: true; value: T } | { ok: false; code: 'ELOCKED'; holder: number | null } | { ok: false; code: string; holder?: undefined };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // it exists, owned by someone else
  }
};

/** The holder's pid, or null when the lock file is gone or unreadable as one. */
async function holderOf(lockFile: string): Promise<number | null> {
  const text = await readFile(lockFile, 'utf8').catch(() => null);
  const pid = text === null ? NaN : Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function tryCreate(lockFile: string, token: string): Promise<boolean> {
  try {
    await writeFile(lockFile, `${process.pid}\n${token}\n`, { flag: 'wx', mode: 0o644 });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/**
 * A lock is stale when its holder is dead, or when it names none and is more than two seconds
 * old (a process killed between creating the file and writing its pid into it).
 */
async function stale(lockFile: string): Promise<boolean> {
  const pid = await holderOf(lockFile);
  if (pid !== null) return !alive(pid);
  const st = await stat(lockFile).catch(() => null);
  return st !== null && Date.now() - st.mtimeMs > 2000;
}

/** Removes a lock whose holder is dead; the check and the removal happen under `<lock>.break`. */
async function breakIfStale(lockFile: string): Promise<void> {
  const breaker = `${lockFile}.break`;
  if (!(await tryCreate(breaker, randomBytes(8).toString('hex')))) {
    if (await stale(breaker)) await unlink(breaker).catch(() => undefined); // a remover killed mid-removal
    return;
  }
  try {
    if (await stale(lockFile)) await unlink(lockFile).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}

/** Runs `fn` while holding the lock on `file` (a lock file `<file>.kehoach-lock` beside it). */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<Locked<T>> {
  const lockFile = `${file}.kehoach-lock`;
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  try {
    for (let wait = 10; !(await tryCreate(lockFile, token)); wait = Math.min(wait * 2, 200)) {
      if (await stale(lockFile)) await breakIfStale(lockFile);
      else if (Date.now() > deadline) return { ok: false, code: 'ELOCKED', holder: await holderOf(lockFile) };
      else await sleep(wait);
    }
  } catch (e) {
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  try {
    return { ok: true, value: await fn() };
  } finally {
    // Ours only: never remove a lock another process took after ours was (wrongly) broken.
    if ((await readFile(lockFile, 'utf8').catch(() => '')).endsWith(`${token}\n`)) await unlink(lockFile).catch(() => undefined);
  }
}
