/**
 * Atomic writes: the text goes to a temporary file beside the target, which then takes the
 * target's name in one step (rename), so an interrupted run leaves the old file or the new one,
 * never half of either. Without `overwrite` the target must not exist: the temporary file is
 * linked to it (link fails if it exists, even if it appeared a moment ago).
 */
import { randomBytes } from 'node:crypto';
import { link, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type WriteResult = { ok: true } | { ok: false; code: string };

export async function writeFileAtomic(target: string, text: string, opts: { overwrite: boolean }): Promise<WriteResult> {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    if (opts.overwrite) await rename(tmp, target);
    else {
      await link(tmp, target);
      await unlink(tmp);
    }
    return { ok: true };
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}
