// Renders Vega-Lite charts to SVG on a worker thread (charts.ts waits for the answer). Vega and
// Vega-Lite take a noticeable time to load, so they are loaded here, on the first report that has
// charts, never at the start of the app or of a command. The specs carry their data inline and the
// loader refuses every request: a chart never reads a file or the network. Without a canvas, Vega
// estimates text widths from the font size, the same on every machine. This file imports only
// vega, vega-lite and Node built-ins, so that Node runs it as it is, from source or from the bundle.
import { workerData, type MessagePort } from 'node:worker_threads';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface ChartsRequest {
  id: number;
  specs: Record<string, TopLevelSpec>;
}

export interface ChartsReply {
  id: number;
  svgs?: Record<string, string>;
  error?: string;
}

const init = workerData as { port: MessagePort; flag: SharedArrayBuffer };
const flag = new Int32Array(init.flag);

function noLoader(): vega.Loader {
  const loader = vega.loader();
  const refuse = (uri: string) => Promise.reject(new Error(`charts load nothing (asked for ${uri})`));
  loader.load = refuse;
  loader.sanitize = refuse;
  return loader;
}

async function render(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none', loader: noLoader() });
  try {
    const svg = await view.toSVG();
    if (!svg.startsWith('<svg')) throw new Error('a chart did not render');
    return svg;
  } finally {
    view.finalize();
  }
}

init.port.on('message', (r: ChartsRequest) => {
  void (async () => {
    let reply: ChartsReply;
    try {
      const svgs: Record<string, string> = {};
      for (const [key, spec] of Object.entries(r.specs)) svgs[key] = await render(spec);
      reply = { id: r.id, svgs };
    } catch (err) {
      reply = { id: r.id, error: err instanceof Error ? err.message : String(err) };
    }
    init.port.postMessage(reply);
    Atomics.store(flag, 0, r.id);
    Atomics.notify(flag, 0);
  })();
});
