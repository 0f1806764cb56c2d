import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { findForbiddenCharacter, formatBytes, LIMITS } from './limits.ts';
import { describeValue, type Problem } from './problems.ts';

/** One file as read: its text (undefined when it could not be read at all) and what is wrong with it. */
export interface ReadText {
  text: string | undefined;
  problems: Problem[];
}

const fileProblem = (
  file: string,
  rule: string,
  message: string,
  hint: string,
  found?: string,
  at: { line: number; column: number } = { line: 1, column: 1 },
): Problem => ({
  file,
  ...at,
  field: '',
  rule,
  severity: 'error',
  message,
  found,
  hint,
});

/** A path for messages: archive-relative with `/`, control characters escaped so no terminal acts on them. */
export function displayPath(path: string): string {
  return (
    path
      .split(sep)
      .join('/')
      // eslint-disable-next-line no-control-regex -- escaping control characters is the point
      .replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  );
}

function isInside(realRoot: string, realPath: string): boolean {
  const rel = relative(realRoot, realPath);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

const OUTSIDE_HINT = 'Copy the file into the archive instead of linking to it: the check and the build read nothing outside the archive.';
const BROKEN_HINT = 'Point the link at a file in the archive, or replace it with the file itself.';

/**
 * The first symbolic link on the way from the archive root to `file` that leads out of the archive or
 * nowhere, as a problem about `file` naming that link; undefined when every step stays inside.
 */
function linkProblem(root: string, realRoot: string, file: string): Problem | undefined {
  const segments = file.split('/');
  for (let i = 1; i <= segments.length; i++) {
    const prefix = segments.slice(0, i).join('/');
    let stats: Stats;
    try {
      stats = lstatSync(join(root, prefix));
    } catch {
      return undefined;
    }
    if (!stats.isSymbolicLink()) continue;
    const what = i === segments.length ? 'a symbolic link' : `${prefix}/, a symbolic link`;
    let real: string;
    try {
      real = realpathSync(join(root, prefix));
    } catch {
      return fileProblem(file, 'yaml', 'expected a file', BROKEN_HINT, `${what} to nothing`);
    }
    if (!isInside(realRoot, real))
      return fileProblem(file, 'yaml', 'expected a file inside the archive', OUTSIDE_HINT, `${what} to a place outside it`);
  }
  return undefined;
}

/** True when the archive has something (a file, folder or link, even a broken one) at `file`. */
export function archivePathExists(root: string, file: string): boolean {
  try {
    lstatSync(join(root, file));
    return true;
  } catch {
    return false;
  }
}

/** The index of the first byte that is not part of well-formed UTF-8, or -1 when all of them are. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Line and column (1-based) of a byte offset in UTF-8 bytes that are valid up to it. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/**
 * Reads at most `limit + 1` bytes of an open file: enough to tell it is too large without reading it
 * all. The buffer starts at the size the file says it has (plus one byte, to notice it growing) and
 * grows only if it did: zero-filling `limit` bytes for every 5 KB post-mortem cost more than reading it.
 */
function readUpTo(fd: number, limit: number, expected: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(expected, limit) + 1);
  let length = 0;
  for (;;) {
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
    if (length < buffer.length) continue;
    if (buffer.length > limit) break;
    const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
    buffer.copy(larger, 0, 0, length);
    buffer = larger;
  }
  return buffer.subarray(0, length);
}

// Decoding needs no state between calls, and building a decoder costs more than a small file's decoding.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a text file for the check or the build: a regular file of at most LIMITS.fileBytes, decoded
 * as UTF-8. Bytes that are not UTF-8 are a problem at their line and column (the text is still
 * returned, with replacement characters, so the file's other problems are found too). `file` is how
 * problems name it.
 */
export function readTextFile(path: string, file: string): ReadText {
  let fd: number;
  try {
    // Only regular files are opened: a FIFO or a device would block or never end.
    if (!statSync(path).isFile())
      return {
        text: undefined,
        problems: [fileProblem(file, 'yaml', 'expected a regular file', 'Replace it with the file itself.', 'something else')],
      };
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    return {
      text: undefined,
      problems: [fileProblem(file, 'yaml', 'expected a file that can be read', 'Check that it exists and that you may read it.', code)],
    };
  }
  let bytes: Buffer;
  let size: number;
  try {
    size = fstatSync(fd).size;
    bytes = size > LIMITS.fileBytes ? Buffer.alloc(0) : readUpTo(fd, LIMITS.fileBytes, size);
  } finally {
    closeSync(fd);
  }
  if (size > LIMITS.fileBytes || bytes.length > LIMITS.fileBytes) {
    return {
      text: undefined,
      problems: [
        fileProblem(
          file,
          'yaml',
          `expected a file of at most ${formatBytes(LIMITS.fileBytes)}`,
          'Keep the post-mortem to what a reader needs: link large logs and dumps from a ticket or dashboard, and quote only the lines that matter.',
          formatBytes(Math.max(size, bytes.length)),
        ),
      ],
    };
  }
  // A byte-order mark stays in the text, as it is in the file; the frontmatter reader skips it.
  try {
    return { text: STRICT_UTF8.decode(bytes), problems: [] };
  } catch {
    // Not UTF-8: say where, below.
  }
  const invalid = Math.max(0, firstInvalidUtf8Byte(bytes));
  return {
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
    problems: [
      fileProblem(
        file,
        'yaml',
        'expected UTF-8 text',
        'Save the file with the UTF-8 encoding (most editors offer it under "Save with encoding").',
        `the byte 0x${bytes[invalid]!.toString(16).toUpperCase().padStart(2, '0')}`,
        positionOfByte(bytes, invalid),
      ),
    ],
  };
}

/**
 * Reads an archive file (archive-relative, `/`) as UTF-8 text. Besides readTextFile's rules, it must
 * be inside the archive: a symbolic link may point elsewhere in the archive, never out of it, and a
 * link out of it is reported by the link's name without reading what it points to.
 */
export function readArchiveText(root: string, file: string): ReadText {
  const link = linkProblem(root, realRootOf(root), file);
  if (link) return { text: undefined, problems: [link] };
  return readTextFile(join(root, file), file);
}

/** What an archive folder holds: the `.mdx` files to read, and problems with anything else in it. */
export interface FolderListing {
  /** Archive-relative paths with `/`, sorted. */
  files: string[];
  problems: Problem[];
}

/**
 * Lists the `.mdx` files under an archive folder (`incidents` or `reading-lists`), recursively. Names
 * starting with `_` are ignored, as are hidden names (`.gitkeep`, `.DS_Store`) that are not `.mdx`
 * files. A symbolic link is followed when it stays inside the archive (each real folder is read once,
 * so a loop ends) and reported, by its own name, when it leads out of it or nowhere. Any other file is
 * a problem: it would otherwise be left out of the site without a word.
 */
export function listArchiveFolder(root: string, dir: string): FolderListing {
  const realRoot = realRootOf(root);
  const files: string[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const kind = dir === 'reading-lists' ? 'reading list' : 'post-mortem';

  const visit = (relativeDir: string) => {
    let real: string;
    try {
      real = realpathSync(join(root, relativeDir));
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(join(root, relativeDir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = entry.name;
      const file = `${relativeDir}/${name}`;
      const mdx = name.endsWith('.mdx');
      if (name.startsWith('_') || (name.startsWith('.') && !mdx)) continue;
      if (findForbiddenCharacter(name)) {
        problems.push(
          fileProblem(
            displayPath(file),
            'consistency',
            'expected a file name without control characters',
            'Rename it to lower-case letters, digits and hyphens.',
            describeValue(name),
          ),
        );
        continue;
      }
      let stats: Stats = entry as unknown as Stats;
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(join(root, file));
        } catch {
          problems.push(fileProblem(file, 'yaml', `expected a ${kind} file or a folder`, BROKEN_HINT, 'a symbolic link to nothing'));
          continue;
        }
        if (!isInside(realRoot, target)) {
          problems.push(
            fileProblem(
              file,
              'yaml',
              'expected a file or folder inside the archive',
              OUTSIDE_HINT,
              'a symbolic link to a place outside it',
            ),
          );
          continue;
        }
        stats = statSync(target);
      }
      if (stats.isDirectory()) visit(file);
      else if (!stats.isFile())
        problems.push(
          fileProblem(file, 'consistency', `expected a ${kind} file or a folder`, 'Remove it from the archive.', 'something else'),
        );
      else if (mdx) files.push(file);
      else {
        problems.push(
          fileProblem(
            file,
            'consistency',
            `expected a ${kind} file ending in .mdx`,
            'Rename it to .mdx, or start its name with _ so the archive ignores it.',
            describeValue(name),
          ),
        );
      }
    }
  };

  let top: Stats;
  try {
    top = lstatSync(join(root, dir));
  } catch {
    return { files, problems };
  }
  if (top.isSymbolicLink()) {
    let target: string | undefined;
    try {
      target = realpathSync(join(root, dir));
    } catch {
      target = undefined;
    }
    if (!target || !isInside(realRoot, target)) {
      problems.push(
        fileProblem(
          dir,
          'yaml',
          `expected the ${dir} folder inside the archive`,
          target ? OUTSIDE_HINT : BROKEN_HINT,
          `a symbolic link to ${target ? 'a place outside it' : 'nothing'}`,
        ),
      );
      return { files, problems };
    }
  }
  visit(dir);
  return { files: files.sort(), problems };
}
