// What one bench module hands back to the runner (test/bench/run.mjs): a section of BENCHMARKS.md
// as tables and sentences, plus the raw samples for test-artifacts/bench-results.json. A bench
// runs in its own Node process; it writes progress to stderr and its result as one line on stdout.

export interface Table {
  title: string;
  head: string[];
  rows: string[][];
}

export interface Section {
  /** Orders the sections in BENCHMARKS.md. */
  order: number;
  title: string;
  /** What was measured and how, before the tables. */
  intro: string[];
  tables: Table[];
  /** Why a figure is what it is, and what would close a gap. */
  notes: string[];
  /** Facts for the report header (versions, settings). */
  facts?: Record<string, string>;
  raw: unknown;
}

export const RESULT_MARKER = '@@vigie-bench-result ';

export function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** Hands the section to the runner and ends the process (whatever handles remain open). */
export function emit(section: Section): void {
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(section)}\n`, () => process.exit(0));
}

/** Runs a bench's main function; on failure prints the error and exits non-zero. */
export function runBench(main: () => Promise<Section> | Section): void {
  Promise.resolve()
    .then(main)
    .then(emit)
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}

/** True when VIGIE_BENCH_QUICK is set: fewer runs and smaller counts, for working on the benches. */
export const QUICK = process.env.VIGIE_BENCH_QUICK === '1';

/** `full` normally, `quick` under VIGIE_BENCH_QUICK. */
export const scale = <T>(full: T, quick: T): T => (QUICK ? quick : full);
