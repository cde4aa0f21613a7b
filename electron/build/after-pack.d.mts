// Types for after-pack.mjs (electron-builder loads the .mjs as is; the tests import it typed).
import type { FuseV1Config, FuseV1Options, FuseVersion } from '@electron/fuses';

export interface PackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

export declare const FUSES: Readonly<Record<keyof typeof FuseV1Options, boolean>>;
export declare function electronBinaryPath(context: PackContextLike): string;
export declare function fuseConfig(
  fuses: { FuseV1Options: typeof FuseV1Options; FuseVersion: typeof FuseVersion },
  context: PackContextLike,
): FuseV1Config;
export declare function afterPack(context: PackContextLike): Promise<void>;
export default afterPack;
