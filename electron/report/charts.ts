// Vega-Lite specifications to SVG, synchronously for the report services: the charts are drawn on a
// worker thread (charts-worker.ts), started on the first report with charts and kept, while this
// thread waits on a shared flag. Vega stays out of the app's and the commands' start-up that way
// (it takes longer to load than the rest of a command).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartsReply } from './charts-worker.js';

/** The first report also waits for Vega to load on the worker. */
const TIMEOUT_MS = 60_000;

function workerFile(): string {
  // From source (tests) the worker is a .ts file Node strips; in the bundle it is built beside it.
  const here = fileURLToPath(import.meta.url);
  const found = [
    new URL('./charts-worker.ts', import.meta.url),
    new URL('./charts-worker.mjs', import.meta.url),
  ]
    .map((u) => fileURLToPath(u))
    .find((f) => f !== here && existsSync(f));
  if (!found) throw new Error(`chart worker not found beside ${here}`);
  return found;
}

let worker: { port: MessagePort; flag: Int32Array; next: number } | null = null;

function start() {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const w = new Worker(workerFile(), {
    workerData: { port: port2, flag: flag.buffer },
    transferList: [port2],
  });
  // Neither may keep a finished command alive; a worker that dies is started again next time.
  w.unref();
  port1.unref();
  w.on('exit', () => {
    worker = null;
  });
  return { port: port1, flag, next: 0 };
}

/** Each spec drawn as an SVG document, under the same keys. */
export function chartsToSvg<K extends string>(specs: Record<K, TopLevelSpec>): Record<K, string> {
  worker ??= start();
  const w = worker;
  const id = ++w.next;
  w.port.postMessage({ id, specs });
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const left = deadline - Date.now();
    if (Atomics.load(w.flag, 0) < id && left > 0) {
      Atomics.wait(w.flag, 0, Atomics.load(w.flag, 0), left);
      continue;
    }
    let msg = receiveMessageOnPort(w.port);
    while (msg && (msg.message as ChartsReply).id < id) msg = receiveMessageOnPort(w.port);
    if (!msg) {
      if (left > 0) continue;
      throw new Error(`the charts were not drawn within ${TIMEOUT_MS / 1000} s`);
    }
    const reply = msg.message as ChartsReply;
    if (reply.error !== undefined || !reply.svgs)
      throw new Error(`a chart could not be drawn: ${reply.error}`);
    return reply.svgs as Record<K, string>;
  }
}
