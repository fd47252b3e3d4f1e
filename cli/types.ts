/** A CLI command: `npm run portal -- <group> <verb> [args]`. Commands are plain functions so tests call them directly. */
export interface TCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file named on the command line (relative to the caller's working directory). */
  readFile: (path: string) => Promise<string>;
}

export interface TCliCommand {
  /** e.g. "policy compile" */
  name: string;
  summary: string;
  usage: string;
  /** Exit code: 0 success, 1 failure (e.g. mismatches found), 2 bad input. */
  run: (argv: string[], io: TCliIo) => Promise<number>;
}
