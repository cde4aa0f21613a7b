// Vega-Lite specifications to SVG, synchronously, with no loader: the specs carry their data
// inline, so nothing is fetched (the loader refuses every request), and the scenegraph is complete
// once the dataflow has run. Without a canvas, Vega estimates text widths from the font size (the
// same on every machine); the shipped Inter is narrower, so labels get room to spare.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A loader that refuses everything: a chart never reads a file or the network. */
function noLoader(): vega.Loader {
  const loader = vega.loader();
  const refuse = (uri: string) => Promise.reject(new Error(`charts load nothing (asked for ${uri})`));
  loader.load = refuse;
  loader.sanitize = refuse;
  return loader;
}

/** The parts of a View that vega's own toSVG reads (its size fields are not in the typings). */
interface HeadlessView {
  _viewWidth: number;
  _viewHeight: number;
  _origin: [number, number];
  padding(): { left: number; right: number; top: number; bottom: number };
  background(): string;
  scenegraph(): { root: unknown };
}

/** vega-scenegraph's headless SVG renderer (exported by vega, not typed by it). */
interface StringRenderer {
  initialize(el: null, width: number, height: number, origin: [number, number]): StringRenderer;
  background(colour: string): StringRenderer;
  render(scene: unknown): StringRenderer;
  svg(): string;
}
const { SVGStringRenderer } = vega as unknown as {
  SVGStringRenderer: new (loader: vega.Loader) => StringRenderer;
};

export function chartToSvg(spec: TopLevelSpec): string {
  const loader = noLoader();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none', loader });
  // Inline data and no async transforms: run() finishes the dataflow before it returns.
  view.run();
  const size = view as unknown as HeadlessView;
  const pad = size.padding();
  const width = Math.max(0, size._viewWidth + pad.left + pad.right);
  const height = Math.max(0, size._viewHeight + pad.top + pad.bottom);
  const svg = new SVGStringRenderer(loader)
    .initialize(null, width, height, [pad.left + size._origin[0], pad.top + size._origin[1]])
    .background(size.background())
    .render(size.scenegraph().root)
    .svg();
  view.finalize();
  if (!svg.startsWith('<svg')) throw new Error('a chart did not render');
  return svg;
}
