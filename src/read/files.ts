import { constants, type Dirent, type Stats } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { RawArticle, ReadProblem } from './types.js';
import { ReadError, isReadError } from './errors/read-error.js';
import { MAX_INPUT_BYTES, READABLE_EXTENSIONS } from './limits.js';
import { decodeInput } from './decode.js';
import type { DocumentKind } from './charset.js';
import { looksLikeFeed, parseFeedDocument, readFeed, type ParsedFeed } from './feeds.js';
import { readRecords, readText, sniffFormat } from './records.js';
import { uniqueIds } from './ids.js';
import { screenNotNews } from './not-news.js';

export interface ReadResult {
  articles: RawArticle[];
  problems: ReadProblem[];
}

function isReadable(name: string): boolean {
  const lower = name.toLowerCase();
  return READABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function describeFsError(error: unknown, origin: string): ReadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ReadError('missing', origin, 'no such file or folder');
  if (code === 'EACCES' || code === 'EPERM') return new ReadError('unreadable', origin, 'permission denied');
  if (code === 'EISDIR') return new ReadError('unreadable', origin, 'is a folder');
  if (code === 'ELOOP') return new ReadError('bad-link', origin, 'symbolic link loop');
  return new ReadError('unreadable', origin, `cannot read (${code ?? (error as Error).message})`);
}

/** What a non-regular file is, for the one line that refuses it ("device", "FIFO", "socket"). */
function specialKind(info: Stats | Dirent): string | null {
  if (info.isFile() || info.isDirectory()) return null;
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  if (info.isFIFO()) return 'FIFO';
  if (info.isSocket()) return 'socket';
  return 'special file';
}

function notRegular(origin: string, kind: string): ReadError {
  return new ReadError('not-a-regular-file', origin, `not a regular file (${kind})`);
}

interface Listing {
  files: string[];
  problems: ReadProblem[];
}

/**
 * Readable files under a folder, depth first, names sorted by code unit so every machine sees one order.
 * Trouble inside the folder is one problem per entry and the rest is still listed: a subfolder that cannot be
 * opened, a link that dangles or loops, a device/FIFO/socket with a readable name (it would hang or never end).
 * `ancestors` are the real paths of the folders being listed (a link back to one of them is a loop);
 * `seen` are all folders listed so far (a folder reached twice through links is listed once).
 */
async function listFolder(folder: string, ancestors: string[], seen: Set<string>, out: Listing): Promise<void> {
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(folder);
    if (ancestors.includes(real)) {
      out.problems.push({ origin: folder, reason: `symbolic link loop (leads back to ${real})` });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    out.problems.push({ origin: folder, reason: describeFsError(error, folder).message });
    return;
  }
  entries = entries.filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    let info: Stats | Dirent = entry;
    if (entry.isSymbolicLink()) {
      try {
        info = await stat(full);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'broken symbolic link (its target does not exist)' : describeFsError(error, full).message;
        out.problems.push({ origin: full, reason });
        continue;
      }
    }
    if (info.isDirectory()) await listFolder(full, [...ancestors, real], seen, out);
    else if (!isReadable(entry.name)) continue;
    else if (info.isFile()) out.files.push(full);
    else out.problems.push({ origin: full, reason: notRegular(full, specialKind(info) ?? 'special file').message });
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The bytes of one local file, at most `maxBytes` (MAX_INPUT_BYTES, 20 MB). Only a regular file is read: a
 * device, FIFO or socket is refused (ReadError 'not-a-regular-file', "not a regular file (device)") without
 * waiting on it. The cap counts bytes actually read, in chunks, so a file that grows while read, or one whose
 * reported size is wrong (/proc, network file systems), stops at the cap with ReadError 'too-large'; a file
 * reported over the cap is refused before any byte is read. File system errors are thrown as ReadError
 * ('missing', 'unreadable', 'bad-link').
 */
export async function readLocalFile(file: string, maxBytes: number = MAX_INPUT_BYTES): Promise<Buffer> {
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise block until a writer appears, forever if none
    // does, and it would hold a libuv thread the whole time. It changes nothing for a regular file.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw isReadError(error) ? error : describeFsError(error, file);
  }
  try {
    // Checked on the open handle, not on the path, so a file swapped for a FIFO in between is still caught.
    const info = await handle.stat();
    const kind = specialKind(info);
    if (info.isDirectory()) throw new ReadError('unreadable', file, 'is a folder');
    if (kind) throw notRegular(file, kind);
    if (info.size > maxBytes) throw new ReadError('too-large', file, `file is ${megabytes(info.size)}, over the ${megabytes(maxBytes)} limit`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte past the cap tells "exactly at the cap" from "over it".
      const want = Math.min(READ_CHUNK_BYTES, maxBytes + 1 - total);
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new ReadError('too-large', file, `file is over the ${megabytes(maxBytes)} limit`);
      chunks.push(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw isReadError(error) ? error : describeFsError(error, file);
  } finally {
    await handle.close();
  }
}

const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * The feed in a local file (by extension .rss/.atom/.xml or by content), with dates as stated, or null when
 * the file is not a feed. Throws ReadError for a file that cannot be read or decoded, or an .rss/.atom/.xml
 * file that is not a feed ('not-a-feed'); file system errors are thrown as they are.
 */
export async function readFeedFile(file: string): Promise<ParsedFeed | null> {
  const lower = file.toLowerCase();
  if (/\.(jsonl|txt|html?)$/.test(lower)) return null;
  const content = decodeInput(await readLocalFile(file), file, documentKind(lower));
  return FEED_EXTENSION.test(lower) || looksLikeFeed(content) ? parseFeedDocument(content, file) : null;
}

async function readOneFile(file: string): Promise<ReadResult> {
  const lower = file.toLowerCase();
  const content = decodeInput(await readLocalFile(file), file, documentKind(lower));
  if (lower.endsWith('.jsonl')) return readRecords(content, file, 'jsonl');
  // A feed is read as its items whatever the file is called: one "article" of raw XML is never useful.
  if (FEED_EXTENSION.test(lower) || looksLikeFeed(content)) return readFeed(content, file);
  if (lower.endsWith('.json')) return readRecords(content, file, 'json');
  return { articles: [readText(content, file, sniffFormat(content, file))], problems: [] };
}

const FEED_EXTENSION = /\.(rss|atom|xml)$/;

/**
 * Which encoding declaration a file may carry: JSON is UTF-8 by definition (RFC 8259) and plain text has
 * none, so only markup is searched for <meta charset> or <?xml encoding?>.
 */
function documentKind(lowerName: string): DocumentKind {
  if (/\.(jsonl?|txt)$/.test(lowerName)) return 'text';
  if (/\.html?$/.test(lowerName)) return 'html';
  if (FEED_EXTENSION.test(lowerName)) return 'xml';
  return 'auto';
}

/**
 * Reads files and folders (recursively) of .txt, .html/.htm, .json, .jsonl and feeds (.rss, .atom, .xml). A
 * file named explicitly is read whatever its extension (text, HTML or feed by its content). A feed (RSS, Atom,
 * RSS 1.0 or JSON Feed) becomes one article per item ("<file>#<n>"), read from the content the feed carries:
 * nothing is fetched. Markup files are decoded by their byte order mark or declared charset; undeclared text
 * must be UTF-8. Only regular files are read: a device, FIFO or socket (named, or reached through a link)
 * is one problem "not a regular file (device)", and every file is read through a handle up to MAX_INPUT_BYTES
 * actually read. Every unreadable input becomes one problem with a one-line reason and the others are still
 * read; so does each unreadable subfolder and each dangling or looping link inside a folder. Paths are read in the order given; folder contents in sorted
 * order. Ids come from file names (see `idFromOrigin`) and are unique within the result.
 */
export async function readInputs(paths: string[]): Promise<ReadResult> {
  const articles: RawArticle[] = [];
  const problems: ReadProblem[] = [];
  // A file reached twice (a folder named twice, or a file inside a folder also named) is read once.
  const readFiles = new Set<string>();
  for (const input of paths) {
    let files: string[];
    try {
      const info = await stat(input);
      const kind = specialKind(info);
      if (kind) throw notRegular(input, kind);
      if (info.isDirectory()) {
        const listing: Listing = { files: [], problems: [] };
        await listFolder(input, [], new Set(), listing);
        problems.push(...listing.problems);
        files = listing.files;
        if (files.length === 0) {
          // Problems inside the folder already say why nothing was read.
          if (listing.problems.length === 0) problems.push({ origin: input, reason: `folder has no ${READABLE_EXTENSIONS.join(', ')} files` });
          continue;
        }
      } else {
        files = [input];
      }
    } catch (error) {
      problems.push({ origin: input, reason: (isReadError(error) ? error : describeFsError(error, input)).message });
      continue;
    }
    for (const file of files) {
      const real = await realpath(file).catch(() => file);
      if (readFiles.has(real)) continue;
      readFiles.add(real);
      try {
        // A README or licence: said on one line; analysed when named, skipped when found in a folder.
        const result = screenNotNews(await readOneFile(file), file, file === input);
        articles.push(...result.articles);
        problems.push(...result.problems);
      } catch (error) {
        const readError = isReadError(error) ? error : describeFsError(error, file);
        problems.push({ origin: readError.origin, reason: readError.message });
      }
    }
  }
  return { articles: uniqueIds(articles), problems };
}
