import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One small JSON document per service (`<stateDir>/<name>.json`): the control-plane state of Lattice, RAM or STS.
 * A write replaces only that service's file, atomically (temp file, then rename), so a crash leaves the previous
 * version intact, never a torn file, and no write touches another service's state. A failed request restores the
 * last committed version from disk (`rollback`) instead of snapshotting state before every request.
 */
export class DocumentStore<T extends object> {
  state: T;
  readonly file: string;

  constructor(
    stateDir: string,
    name: string,
    private readonly empty: () => T,
  ) {
    mkdirSync(stateDir, { recursive: true });
    this.file = path.join(stateDir, `${name}.json`);
    this.state = this.load();
  }

  /** True when the file exists (a new store writes nothing until its first change). */
  exists(): boolean {
    try {
      readFileSync(this.file);
      return true;
    } catch {
      return false;
    }
  }

  private load(): T {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.empty();
      throw error;
    }
    // Fill collections added after the file was written, so an old file keeps working.
    return { ...this.empty(), ...(JSON.parse(text) as Partial<T>) };
  }

  save(): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.file);
  }

  /** Forget uncommitted in-memory changes: back to what the last `save` wrote. */
  rollback(): void {
    this.state = this.load();
  }

  /** Replace the whole document (used once, to migrate the old single-file state). */
  replace(state: T): void {
    this.state = state;
    this.save();
  }

  remove(): void {
    rmSync(this.file, { force: true });
    this.state = this.empty();
  }
}
