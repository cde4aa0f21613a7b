// The TAK server a command sends Cursor-on-Target events to: `--tak HOST:PORT` (plain TCP), with
// `--tak-tls`, `--tak-ca FILE` or a client certificate (`--tak-cert FILE --tak-key FILE`) for TLS.
// Shared by `vigie export` (one send) and `vigie serve` (the room's TAK server, for the console).
import { readFileSync } from 'node:fs';
import { parseTakAddress, type TakTarget } from '../services/tak-address.js';
import { UsageError } from './args.js';

export const TAK_FLAGS = {
  tak: { type: 'string' },
  'tak-tls': { type: 'boolean' },
  'tak-ca': { type: 'string' },
  'tak-cert': { type: 'string' },
  'tak-key': { type: 'string' },
} as const;

const pem = (flag: string, file: string | undefined) => {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--${flag}: cannot read ${file}: ${(err as Error).message}`);
  }
};

export function takTarget(v: Record<string, string | boolean | undefined>): TakTarget | null {
  const at = v.tak;
  const tlsFlags = ['tak-ca', 'tak-cert', 'tak-key'].filter((f) => v[f] !== undefined);
  if (typeof at !== 'string') {
    if (tlsFlags.length) throw new UsageError(`--${tlsFlags[0]} goes with --tak HOST:PORT`);
    return null;
  }
  const address = parseTakAddress(at);
  if (typeof address === 'string') throw new UsageError(`--tak: ${address}`);
  if ((v['tak-cert'] === undefined) !== (v['tak-key'] === undefined))
    throw new UsageError('--tak-cert and --tak-key go together (the client certificate and its key)');
  const tls = v['tak-tls'] === true || tlsFlags.length > 0;
  return {
    ...address,
    ...(tls
      ? {
          tls: {
            ca: pem('tak-ca', v['tak-ca'] as string | undefined),
            cert: pem('tak-cert', v['tak-cert'] as string | undefined),
            key: pem('tak-key', v['tak-key'] as string | undefined),
          },
        }
      : {}),
  };
}
