// The packaging hook's fuse settings, its binary paths, and a real flip by @electron/fuses on a
// stand-in binary (a file holding the fuse sentinel and wire, as Electron's binary does).
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as fuses from '@electron/fuses';
import {
  afterPack,
  electronBinaryPath,
  FUSES,
  fuseConfig,
  type PackContextLike,
} from '../../electron/build/after-pack.mjs';

const { FuseV1Options } = fuses;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ARM64 = 3;
const X64 = 1;

const context = (electronPlatformName: string, appOutDir = '/out', arch = X64): PackContextLike => ({
  appOutDir,
  electronPlatformName,
  arch,
  packager: { appInfo: { productFilename: 'Vigie' }, executableName: 'vigie' },
});

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop() as string, { recursive: true, force: true });
});

describe('Electron fuses (electron/build/after-pack.mjs)', () => {
  it('turns off running as Node, NODE_OPTIONS and inspect; turns on asar integrity and asar-only', () => {
    expect(FUSES).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('decides every fuse @electron/fuses knows, and requires all of them', () => {
    const names = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(FUSES).sort()).toEqual(names.sort());
    const config = fuseConfig(fuses, context('linux'));
    expect(config.strictlyRequireAllFuses).toBe(true);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config.resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig(fuses, context('darwin', '/out', ARM64)).resetAdHocDarwinSignature).toBe(true);
  });

  it('finds the packaged binary on each platform', () => {
    expect(electronBinaryPath(context('linux'))).toBe(path.join('/out', 'vigie'));
    expect(electronBinaryPath(context('win32'))).toBe(path.join('/out', 'Vigie.exe'));
    expect(electronBinaryPath(context('darwin'))).toBe(path.join('/out', 'Vigie.app'));
    expect(() => electronBinaryPath(context('beos'))).toThrow(/unknown platform/);
  });

  it('flips the wire in a binary', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigie-fuses-'));
    dirs.push(dir);
    const wire = Buffer.from('1'.repeat(9)); // every fuse on, as Electron ships them (mostly)
    const header = Buffer.from([1, wire.length]); // wire version 1, length
    const binary = path.join(dir, 'vigie');
    writeFileSync(
      binary,
      Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), header, wire, Buffer.alloc(64, 7)]),
    );
    await afterPack(context('linux', dir));
    const current = await fuses.getCurrentFuseWire(binary);
    const on = (i: number) => (current as Record<number, unknown>)[i] === fuses.FuseState.ENABLE;
    expect(on(FuseV1Options.RunAsNode)).toBe(false);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
    expect(readFileSync(binary).length).toBe(4096 + SENTINEL.length + 2 + 9 + 64);
  });

  it('is the afterPack hook of electron-builder.yml, and the builder does not flip fuses itself', () => {
    const yml = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^afterPack: \.\/electron\/build\/after-pack\.mjs$/m);
    expect(yml).not.toMatch(/^electronFuses:/m);
  });
});
