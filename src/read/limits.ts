/**
 * Largest input file read. A news article, even as a full HTML page with inline scripts, is well under
 * 5 MB; anything bigger is almost certainly a wrong path (a dump, a video), so it is refused before it is read.
 */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** File name endings read when a folder is given (.rss, .atom and .xml are read as feeds). */
export const READABLE_EXTENSIONS = ['.txt', '.html', '.htm', '.json', '.jsonl', '.rss', '.atom', '.xml'] as const;
