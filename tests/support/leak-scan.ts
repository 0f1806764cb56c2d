import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Every file under `dir` as text, gzip-compressed ones (Pagefind's index, fragments, filters) decompressed. */
export function readAllOutput(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const file = join(d.parentPath, d.name);
      let bytes = readFileSync(file);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      return { file: file.slice(dir.length + 1), text: bytes.toString('latin1') };
    });
}

/** Which of the `canaries` occur (case-insensitively) in which output files. */
export function findCanaries(dir: string, canaries: readonly string[]): { canary: string; file: string }[] {
  const hits: { canary: string; file: string }[] = [];
  const lowered = canaries.map((c) => c.toLowerCase());
  for (const { file, text } of readAllOutput(dir)) {
    const haystack = text.toLowerCase();
    lowered.forEach((canary, i) => {
      if (haystack.includes(canary)) hits.push({ canary: canaries[i]!, file });
    });
  }
  return hits;
}
