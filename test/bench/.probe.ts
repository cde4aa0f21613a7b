import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../electron/store/db.js';
import { serve } from '../e2e/harness.js';
import { launch, VIEWPORT } from './lib/browser.js';
import { addIncidents, addUnits, BulkJournal } from './lib/fixture.js';
import { seededExercise } from './lib/seeded.js';
import { tempDir } from './lib/temp.js';
const dir = tempDir();
const base = seededExercise(dir);
const path = join(dir, 'x.db');
copyFileSync(base.path, path);
const db = openDatabase(path);
db.transaction(() => {
  const j = new BulkJournal(db);
  addUnits(db, j, { count: 1000, bbox: base.bbox, at: '2024-07-26T16:00:00.000Z', seed: 11, prefix: 'MB' });
  addIncidents(db, j, {
    count: Number(process.env.N ?? 50000),
    bbox: base.bbox,
    from: '2024-07-26T06:00:00.000Z',
    to: '2024-07-26T18:00:00.000Z',
    seed: 13,
  });
})();
db.close();
const s = await serve(path);
const b = await launch();
for (let k = 0; k < 2; k++) {
  const ctx = await b.newContext({ viewport: VIEWPORT });
  await ctx.addInitScript(() => localStorage.setItem('vigie.debug', '1'));
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (!m.text().includes('GPU stall')) console.error('console:', m.text().slice(0, 300));
  });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  const t = Date.now();
  await page.goto(s.url);
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 2500));
    console.error(
      k,
      Date.now() - t,
      await page.evaluate(() => {
        const m = (
          window as unknown as {
            __vigieMap?: { getCenter(): unknown; getZoom(): number; getContainer(): HTMLElement };
          }
        ).__vigieMap;
        const el = document.querySelector<HTMLElement>('[data-testid="map"]');
        const r = el?.getBoundingClientRect();
        return JSON.stringify({
          ds: { ...el?.dataset },
          c: m?.getCenter(),
          z: m?.getZoom(),
          size: r && [r.width, r.height],
        });
      }),
    );
  }
  await page.screenshot({ path: `/tmp/bp/probe50k-${k}.png` });
  await ctx.close();
}
await b.close();
await s.stop();
