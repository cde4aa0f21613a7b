// The HTML report's stylesheet: readable on screen, A4 on paper (table headers repeat on each
// printed page, rows and the map are not split).
import { INK, PRIORITY_INK } from './palette.js';

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 210mm; padding: 12mm; color: ${INK.text}; background: #fff;
  font: 10pt/1.35 Inter, 'Helvetica Neue', Arial, sans-serif; }
.running { display: flex; justify-content: space-between; gap: 1em; color: ${INK.muted}; font-size: 8pt;
  border-bottom: 0.5pt solid ${INK.rule}; padding-bottom: 2pt; margin: 0 0 8pt; }
h1 { font-size: 17pt; font-weight: 600; margin: 0 0 4pt; }
h2 { font-size: 12.5pt; font-weight: 600; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1pt solid ${INK.text};
  break-after: avoid; }
h3 { font-size: 10pt; font-weight: 600; margin: 10pt 0 4pt; break-after: avoid; }
.status { display: inline-block; font-weight: 600; font-size: 9pt; padding: 2pt 6pt; border: 1pt solid ${INK.text};
  margin: 0 0 6pt; }
.status.preview { color: ${INK.preview}; border-color: ${INK.preview}; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 0 0 6pt; }
dl.facts dt { color: ${INK.muted}; }
dl.facts dd { margin: 0; }
.hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 8pt; color: ${INK.muted}; word-break: break-all; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8pt; margin: 0 0 6pt; }
th, td { text-align: left; vertical-align: top; padding: 2pt 3pt; border-bottom: 0.5pt solid ${INK.rule};
  overflow-wrap: anywhere; }
th { background: ${INK.headerFill}; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 600; border-top: 1pt solid ${INK.text}; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.badge { display: inline-block; min-width: 2.2em; padding: 0 3pt; border-radius: 2pt; }
.tone-p1 { color: #fff; background: ${PRIORITY_INK[1]}; font-weight: 600; text-align: center; }
.tone-p2 { color: #fff; background: ${PRIORITY_INK[2]}; font-weight: 600; text-align: center; }
.tone-p3 { background: ${PRIORITY_INK[3]}; font-weight: 600; text-align: center; }
.tone-p4 { color: #fff; background: ${PRIORITY_INK[4]}; font-weight: 600; text-align: center; }
.tone-warn { color: ${INK.warn}; font-weight: 600; }
.tone-muted { color: ${INK.muted}; }
p { margin: 0 0 5pt; }
ol { margin: 0 0 6pt; padding-left: 18pt; }
figure.map { margin: 0 0 6pt; break-inside: avoid; }
figure.map svg { width: 100%; height: auto; display: block; }
footer { margin-top: 16pt; color: ${INK.muted}; font-size: 8pt; }
@page { size: A4; margin: 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 9pt; }
  h2 { margin-top: 12pt; }
}
`;
