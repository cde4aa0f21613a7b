// `npm run security`: @doyensec/electronegativity over Vigie's sources (electron/, renderer/,
// shared/ and package.json, staged together so its global checks see the whole app). Fails on any
// finding of MEDIUM severity or higher that test/security/electronegativity-allow.json does not
// justify (check id + file + reason), on an allow-list entry that no longer matches anything, and
// on a source file it could not parse (an unparsed file is an unchecked file).
//
// Offline: the tool fetches translations and Electron's release list from the network at start.
// Its `got` is replaced by a stub that fails at once (it then uses its bundled English), and the
// one check that needs the release list (AvailableSecurityFixesGlobalCheck) is excluded: keeping
// Electron itself up to date is tracked apart from this scan.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const MEDIUM = 2;
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
let networkAttempts = 0;

function stubNetwork() {
  // Proof that nothing gets out: a socket the scan tries to open is refused and fails the run.
  net.Socket.prototype.connect = function refuse() {
    networkAttempts++;
    throw new Error('electronegativity tried to open a network connection');
  };
  const fromTool = createRequire(path.join(toolDir, 'dist', 'locales', 'i18n.js'));
  const gotPath = fromTool.resolve('got');
  const offline = () => Promise.reject(new Error('offline: electronegativity runs without the network here'));
  offline.head = offline;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  Module._cache[gotPath] = stub;
}

function stageSources() {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigie-electronegativity-'));
  for (const part of ['electron', 'renderer', 'shared']) {
    cpSync(path.join(root, part), path.join(dir, part), { recursive: true });
  }
  cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

async function scan() {
  stubNetwork();
  process.env.LANG = 'en-US';
  const run = require(path.join(toolDir, 'dist', 'runner.js'));
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const input = stageSources();
  const quiet = console.log;
  console.log = () => {}; // the tool's own chatter about translations
  try {
    const result = await run(
      {
        input,
        electronVersionOverride: electronVersion,
        customScan: [],
        excludeFromScan: EXCLUDED.map((c) => c.toLowerCase()),
        parserPlugins: [],
        isRelative: true,
      },
      false,
    );
    return { ...result, electronVersion };
  } finally {
    console.log = quiet;
    rmSync(input, { recursive: true, force: true });
  }
}

const allow = JSON.parse(
  readFileSync(path.join(root, 'test', 'security', 'electronegativity-allow.json'), 'utf8'),
);
const { issues, errors, globalChecks, atomicChecks, electronVersion } = await scan();
const rel = (file) => file.replaceAll('\\', '/').replace(/^\/+/, '');
const key = (id, file) => `${id} ${rel(file)}`;
const allowed = new Map(allow.map((a) => [key(a.id, a.file), a]));
const used = new Set();
const failures = [];

console.log(`electronegativity: ${globalChecks + atomicChecks} checks, Electron ${electronVersion}`);
for (const i of issues) {
  const where = i.file === 'N/A' ? '(whole app)' : `${rel(i.file)}:${i.location.line}`;
  const line = `${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(9)} ${i.id} ${where}`;
  if (i.severity.value < MEDIUM) {
    console.log(`  ${line}`);
    continue;
  }
  const entry = allowed.get(key(i.id, i.file));
  if (entry) {
    used.add(key(i.id, i.file));
    console.log(`  ${line}  allowed: ${entry.reason}`);
  } else {
    console.log(`✗ ${line}`);
    failures.push(`${line}: ${i.description}`);
  }
}
if (networkAttempts) failures.push(`the scan tried to reach the network ${networkAttempts} time(s)`);
for (const e of errors.filter((e) => !e.tolerable))
  failures.push(`could not parse ${rel(e.file)}: ${e.message}`);
for (const a of allow) {
  if (!a.reason || a.reason.length < 20) failures.push(`allow-list entry ${a.id} ${a.file} needs a reason`);
  if (!used.has(key(a.id, a.file)))
    failures.push(`allow-list entry ${a.id} ${a.file} matches no finding: remove it`);
}
if (failures.length) {
  console.error(`\nelectronegativity: ${failures.length} problem(s):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('electronegativity: no unjustified finding of medium severity or higher');
