import { ReadError } from './errors/read-error.js';
import { decodeDocument, InvalidUtf8Error, type DocumentKind } from './charset.js';

/**
 * Bytes of one local input as text. A byte order mark or a declaration inside the document (an HTML
 * <meta charset>, an <?xml encoding?>; see `sniffEncoding`) is followed, so an ISO-8859-1 feed or a
 * windows-1252 page that says what it is reads right. What would otherwise come out as mojibake is refused
 * with a ReadError: binary files (NUL bytes) and undeclared non-UTF-8 text (the user can convert the file or
 * declare its encoding). `kind` "text" (plain text, JSON) looks for no in-document declaration.
 */
export function decodeInput(bytes: Uint8Array, origin: string, kind: DocumentKind = 'auto'): string {
  if (bytes.length === 0) throw new ReadError('empty', origin, 'empty file');
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // UTF-16 text is full of NULs; only without its byte order mark is it taken for binary.
  if (!utf16Bom && bytes.includes(0)) throw new ReadError('binary', origin, 'binary file (contains NUL bytes), not text');
  let text: string;
  try {
    text = decodeDocument(bytes, { kind, undeclared: 'refuse' }).text;
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    const advice = error.declared
      ? 'the file declares UTF-8 but is not; fix its encoding declaration'
      : kind === 'text'
        ? 'convert the file to UTF-8'
        : 'convert the file to UTF-8 or declare its encoding (<meta charset> or <?xml encoding?>)';
    throw new ReadError('encoding', origin, `${error.message}; ${advice}`);
  }
  if (text.trim() === '') throw new ReadError('empty', origin, 'file contains only whitespace');
  return text;
}
