// Regenerates the map's glyph PBFs (SDF font ranges) from the Inter TTFs shipped in node_modules.
// Run from the repo root: node resources/glyphs/build.mjs
// Output: resources/glyphs/<fontstack>/<start>-<end>.pbf, 256 ranges per fontstack, the names the
// renderer's map style asks for ("Inter Regular", "Inter SemiBold").
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const fontnik = require('fontnik');

const here = dirname(fileURLToPath(import.meta.url));
const interDir = dirname(require.resolve('@expo-google-fonts/inter/package.json'));

const FONTS = [
  { stack: 'Inter Regular', ttf: join(interDir, '400Regular', 'Inter_400Regular.ttf') },
  { stack: 'Inter SemiBold', ttf: join(interDir, '600SemiBold', 'Inter_600SemiBold.ttf') },
];

const range = (font, start, end) =>
  new Promise((resolve, reject) => {
    fontnik.range({ font, start, end }, (err, data) => (err ? reject(err) : resolve(data)));
  });

let total = 0;
for (const { stack, ttf } of FONTS) {
  const out = join(here, stack);
  mkdirSync(out, { recursive: true });
  const font = readFileSync(ttf);
  const jobs = [];
  for (let start = 0; start < 65536; start += 256) {
    const end = Math.min(start + 255, 65535);
    jobs.push(range(font, start, end).then((data) => writeFileSync(join(out, `${start}-${end}.pbf`), data)));
  }
  await Promise.all(jobs);
  const bytes = readdirSync(out).reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
  total += bytes;
  console.log(`${stack}: ${jobs.length} ranges, ${(bytes / 1024).toFixed(0)} KiB`);
}
console.log(`total ${(total / 1024).toFixed(0)} KiB`);
