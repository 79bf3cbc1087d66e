/**
 * The key that seals cache entries (HMAC-SHA256). It lives in the user's configuration folder
 * ($KEHOACH_CONFIG_DIR, else $XDG_CONFIG_HOME/kehoach, else ~/.config/kehoach), never in the
 * cache folder: an entry written by anyone without the key — forged in a shared cache folder,
 * or restored into CI from another machine's cache — does not verify and is a miss. Created
 * on first use (random, readable by the user only); when it can be neither read nor created
 * the cache is off for the run: slower, never wrong.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function configDir(env: Record<string, string | undefined>): string {
  if (env['KEHOACH_CONFIG_DIR']) return env['KEHOACH_CONFIG_DIR'];
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'kehoach');
}

const KEY_HEX = /^[0-9a-f]{64}$/;

function readKey(file: string): Buffer | null {
  const text = readFileSync(file, 'utf8').trim();
  return KEY_HEX.test(text) ? Buffer.from(text, 'hex') : null;
}

export function cacheSecret(env: Record<string, string | undefined>): Buffer | null {
  const dir = configDir(env);
  const file = join(dir, 'cache-key');
  try {
    return readKey(file);
  } catch {
    // not there yet (or unreadable): create it below
  }
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Written whole under a private name, then linked in: a reader never sees half a key, and
    // of two first runs at once one key wins (link fails if the name exists) and both use it.
    const tmp = join(dir, `.cache-key.${randomBytes(8).toString('hex')}`);
    writeFileSync(tmp, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch {
      // another run created it first
    } finally {
      unlinkSync(tmp);
    }
    return readKey(file);
  } catch {
    return null;
  }
}
