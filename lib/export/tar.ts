/**
 * A plain POSIX ustar archive (what `tar -xf` and every archive tool reads), for evidence bundles
 * of a few files: regular files only, names up to 100 bytes, no compression.
 */
export interface TarFile {
  name: string;
  content: Buffer;
  modifiedAt: Date;
}

const BLOCK = 512;

function writeString(header: Buffer, offset: number, length: number, value: string): void {
  header.write(value, offset, Math.min(length, Buffer.byteLength(value)), 'utf8');
}

/** An octal field: digits zero-padded to `length - 1`, then NUL. */
function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  writeString(header, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

function fileHeader(file: TarFile): Buffer {
  if (Buffer.byteLength(file.name) > 100 || file.name.includes('..') || file.name.startsWith('/')) throw new Error(`Not a safe archive member name: ${file.name}`);
  const header = Buffer.alloc(BLOCK);
  writeString(header, 0, 100, file.name);
  writeOctal(header, 100, 8, 0o644);
  writeOctal(header, 108, 8, 0);
  writeOctal(header, 116, 8, 0);
  writeOctal(header, 124, 12, file.content.length);
  writeOctal(header, 136, 12, Math.floor(file.modifiedAt.getTime() / 1000));
  header.fill(' ', 148, 156); // the checksum is computed with its own field as spaces
  writeString(header, 156, 1, '0');
  writeString(header, 257, 6, 'ustar\0');
  writeString(header, 263, 2, '00');
  let sum = 0;
  for (const byte of header) sum += byte;
  writeString(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

/** The archive: each file's header and content padded to 512 bytes, then two zero blocks. */
export function writeTar(files: readonly TarFile[]): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(fileHeader(file), file.content);
    const padding = (BLOCK - (file.content.length % BLOCK)) % BLOCK;
    if (padding > 0) parts.push(Buffer.alloc(padding));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}
