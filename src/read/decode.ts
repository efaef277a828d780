import { ReadError } from './errors/read-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes of one input as text. Refuses what would otherwise come out as mojibake: binary files (NUL bytes),
 * UTF-16 (which also has NULs, but deserves a precise message) and any other non-UTF-8 encoding.
 */
export function decodeInput(bytes: Uint8Array, origin: string): string {
  if (bytes.length === 0) throw new ReadError('empty', origin, 'empty file');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ReadError('encoding', origin, 'file is UTF-16; save it as UTF-8');
  }
  if (bytes.includes(0)) throw new ReadError('binary', origin, 'binary file (contains NUL bytes), not text');
  let text: string;
  try {
    // TextDecoder drops a leading UTF-8 byte order mark by default.
    text = utf8.decode(bytes);
  } catch {
    throw new ReadError('encoding', origin, `not valid UTF-8 (first bad byte at offset ${firstBadUtf8Offset(bytes)}); convert the file to UTF-8`);
  }
  if (text.trim() === '') throw new ReadError('empty', origin, 'file contains only whitespace');
  return text;
}

/** Offset of the first byte that breaks UTF-8, so the user can find it. */
function firstBadUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}
