import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Append-only records, one JSON line each, in one file per stream (`<dir>/<encoded stream>.jsonl`). An append
 * writes only the new lines (O_APPEND); nothing is ever rewritten. Streams are independent files, so ninety days of
 * events never sit in memory unless a reader asks for them.
 */
export class AppendLogStore<T> {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private file(stream: string): string {
    return path.join(this.dir, `${encodeURIComponent(stream)}.jsonl`);
  }

  append(stream: string, records: T[]): void {
    if (records.length === 0) return;
    appendFileSync(this.file(stream), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }

  /** Every record of a stream in append order (a torn last line, from a crash mid-append, is skipped). */
  read(stream: string): T[] {
    let text: string;
    try {
      text = readFileSync(this.file(stream), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const out: T[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        out.push(JSON.parse(line) as T);
      } catch {
        // torn tail
      }
    }
    return out;
  }

  streams(): string[] {
    try {
      return readdirSync(this.dir)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => decodeURIComponent(f.slice(0, -'.jsonl'.length)))
        .sort();
    } catch {
      return [];
    }
  }
}
