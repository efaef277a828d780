import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RawArticle, ReadProblem } from './types.js';
import { ReadError, isReadError } from './errors/read-error.js';
import { MAX_INPUT_BYTES, READABLE_EXTENSIONS } from './limits.js';
import { decodeInput } from './decode.js';
import { readRecords, readText, sniffFormat } from './records.js';
import { uniqueIds } from './ids.js';

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
  return new ReadError('unreadable', origin, `cannot read (${code ?? (error as Error).message})`);
}

/** Readable files under a folder, depth first, names sorted by code unit so every machine sees one order. */
async function listFolder(folder: string, seen: Set<string>): Promise<string[]> {
  const real = await realpath(folder);
  if (seen.has(real)) return []; // symlink loop
  seen.add(real);
  const entries = (await readdir(folder, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(full).catch(() => null);
      isDir = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDir) files.push(...(await listFolder(full, seen)));
    else if (isFile && isReadable(entry.name)) files.push(full);
  }
  return files;
}

async function readOneFile(file: string): Promise<ReadResult> {
  // Size first: an oversized file must never be loaded into memory.
  const info = await stat(file);
  if (info.size > MAX_INPUT_BYTES) {
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    throw new ReadError('too-large', file, `file is ${mb(info.size)}, over the ${mb(MAX_INPUT_BYTES)} limit`);
  }
  const content = decodeInput(await readFile(file), file);
  const lower = file.toLowerCase();
  if (lower.endsWith('.jsonl')) return readRecords(content, file, 'jsonl');
  if (lower.endsWith('.json')) return readRecords(content, file, 'json');
  return { articles: [readText(content, file, sniffFormat(content, file))], problems: [] };
}

/**
 * Reads files and folders (recursively) of .txt, .html/.htm, .json and .jsonl. A file named explicitly is read
 * whatever its extension (text or HTML by its content). Every unreadable input becomes one problem with a
 * one-line reason and the others are still read. Paths are read in the order given; folder contents in sorted
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
      if (info.isDirectory()) {
        files = await listFolder(input, new Set());
        if (files.length === 0) {
          problems.push({ origin: input, reason: `folder has no ${READABLE_EXTENSIONS.join(', ')} files` });
          continue;
        }
      } else {
        files = [input];
      }
    } catch (error) {
      problems.push({ origin: input, reason: describeFsError(error, input).message });
      continue;
    }
    for (const file of files) {
      const real = await realpath(file).catch(() => file);
      if (readFiles.has(real)) continue;
      readFiles.add(real);
      try {
        const result = await readOneFile(file);
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
