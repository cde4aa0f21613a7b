// electron-builder.yml checked through electron-builder's own loader and schema (no Electron zip
// needed), plus the settings this machine and the build layout depend on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
// app-builder-lib and builder-util come with electron-builder: resolve them from there.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));

interface BuilderConfig {
  appId?: string;
  productName?: string;
  npmRebuild?: boolean;
  asar?: boolean;
  asarUnpack?: string[];
  files?: Array<string | { filter?: string[] }>;
  extraMetadata?: { main?: string };
  linux?: { target?: string[] };
  win?: { target?: string[] };
  mac?: { target?: string[] };
}
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
}
interface LoggerModule {
  DebugLogger: new (enabled: boolean) => unknown;
}

const loadConfig = async () => {
  const { getConfig, validateConfiguration } = fromBuilder(
    'app-builder-lib/out/util/config/config',
  ) as ConfigModule;
  const { DebugLogger } = fromBuilder('builder-util/out/DebugLogger') as LoggerModule;
  const config = await getConfig(root, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
};

describe('electron-builder.yml', () => {
  let config: BuilderConfig;
  beforeAll(async () => {
    config = await loadConfig();
  });

  it('passes electron-builder validation and keeps the settings packaging relies on', () => {
    expect(config.appId).toBe('org.vigie.console');
    expect(config.productName).toBe('Vigie');
    // A native rebuild compiles better-sqlite3 against the wrong headers; its N-API prebuilds are used.
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    const filters = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    expect(filters).toEqual(expect.arrayContaining(['dist/**', 'resources/**', 'package.json']));
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('starts the main bundle that electron/build.mjs writes', () => {
    expect(config.extraMetadata?.main).toBe('dist/node/main.cjs');
    const build = readFileSync(path.join(root, 'electron', 'build.mjs'), 'utf8');
    expect(build).toContain("outfile: join(outdir, 'main.cjs')");
    expect(build).toContain("const outdir = join(root, 'dist', 'node')");
  });
});
