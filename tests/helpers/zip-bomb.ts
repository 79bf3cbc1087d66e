/**
 * Word files that are zip bombs, made at test time (never committed): word/document.xml
 * deflated from `mb` megabytes of XML-looking text (some 1,000 to 1 compressed), written
 * into the zip by hand so that the sizes its headers declare can lie (`lie`: 1 KB declared).
 */
import { createDeflateRaw } from 'node:zlib';

/** `mb` MB of a repeated paragraph, deflated as it is streamed (never all in memory). */
async function deflatedRepeat(mb: number): Promise<Buffer> {
  const unit = Buffer.from('<w:p><w:r><w:t>KẾ HOẠCH triển khai</w:t></w:r></w:p>'.repeat(20000), 'utf8');
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    d.on('end', resolve);
    d.on('error', reject);
  });
  for (let written = 0; written < mb * 1048576; written += unit.length) {
    if (!d.write(unit)) await new Promise<void>((r) => d.once('drain', r));
  }
  d.end();
  await done;
  return Buffer.concat(out);
}

interface Entry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  /** Declared uncompressed size. */
  size: number;
}

/** A zip of the entries, CRCs zero (jszip does not check them unless asked). */
function zip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.data);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt32LE(e.data.length, 20);
    cd.writeUInt32LE(e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + e.data.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

/** A .docx whose word/document.xml unpacks to `mb` MB; with `lie`, its headers say 1 KB. */
export async function zipBombDocx(mb: number, lie = true): Promise<Buffer> {
  const data = await deflatedRepeat(mb);
  const types = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 'utf8');
  return zip([
    { name: '[Content_Types].xml', data: types, method: 0, size: types.length },
    { name: 'word/document.xml', data, method: 8, size: lie ? 1024 : mb * 1048576 },
  ]);
}

/** A .docx of `n` empty files (a package no Word document is). */
export function manyEntriesDocx(n: number): Buffer {
  return zip(Array.from({ length: n }, (_, i) => ({ name: `word/media/x${i}.bin`, data: Buffer.alloc(0), method: 0 as const, size: 0 })));
}
