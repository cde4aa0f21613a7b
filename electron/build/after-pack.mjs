// electron-builder `afterPack` hook: flips Electron's fuses in the packaged binary, after the app
// is copied in and before electron-builder signs it (the fuses live in the signed binary). Every
// fuse is set explicitly (strictlyRequireAllFuses), so an Electron upgrade that adds a fuse fails
// the packaging until someone decides its value here. Pure parts are exported for the unit test.
import path from 'node:path';

/** The fuse settings, by @electron/fuses' FuseV1Options names. */
export const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node that runs any script.
  RunAsNode: false,
  // Cookies and other Chromium storage encrypted at rest with the OS key store.
  EnableCookieEncryption: true,
  // NODE_OPTIONS could preload code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends would open a debugger into the main process.
  EnableNodeCliInspectArguments: false,
  // The app.asar must match the hash electron-builder embeds (macOS and Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Load the app only from app.asar, never from a loose folder placed beside it.
  OnlyLoadAppFromAsar: true,
  // Not used by Vigie.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // Vigie serves everything from app://; file:// gets no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
  // Electron's default: WebAssembly trap handlers on.
  WasmTrapHandlers: true,
});

/** electron-builder's Arch enum, by value. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** The packaged Electron executable, as electron-builder names it for each platform. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: unknown platform ${electronPlatformName}`);
  }
}

/** The @electron/fuses configuration for one packaged app. */
export function fuseConfig(fuses, context) {
  const { FuseV1Options, FuseVersion } = fuses;
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true };
  for (const [name, value] of Object.entries(FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`after-pack: @electron/fuses has no fuse ${name}`);
    config[index] = value;
  }
  const mac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  const arch = ARCH_NAMES[context.arch];
  // Flipping a fuse breaks the ad-hoc signature an arm64 macOS binary needs to start at all.
  config.resetAdHocDarwinSignature = mac && (arch === 'arm64' || arch === 'universal');
  return config;
}

export async function afterPack(context) {
  const fuses = await import('@electron/fuses');
  const binary = electronBinaryPath(context);
  await fuses.flipFuses(binary, fuseConfig(fuses, context));
  console.log(`  • fuses flipped  file=${binary}`);
}

export default afterPack;
