// Where a TAK server is, as the command line gives it: apart from the sending (tak-send.ts) so that
// reading the flags loads no network code (`vigie serve` reads them before it listens).

export interface TakTarget {
  host: string;
  port: number;
  /** PEM texts; given: TLS (the server checked against `ca`, this client by `cert` and `key`). */
  tls?: { ca?: string; cert?: string; key?: string };
}

/** "HOST:PORT" or "[IPv6]:PORT" as typed on a command line, or why it is not. */
export function parseTakAddress(text: string): { host: string; port: number } | string {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s[\]]+)):(\d{1,5})$/.exec(text.trim());
  const port = Number(m?.[3]);
  if (!m || !Number.isInteger(port) || port < 1 || port > 65535)
    return `expected HOST:PORT (e.g. 10.0.0.5:8087), got "${text}"`;
  return { host: (m[1] ?? m[2]) as string, port };
}
