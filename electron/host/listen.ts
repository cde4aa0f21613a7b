// Where the browser host listens, and whom it answers. Loopback by default; a LAN address (a room
// server) only over TLS, since desks on the network then send operational data across it. The Host
// names the server answers to follow from the address and the certificate, which keeps the
// DNS-rebinding guard: a page served from another name cannot reach the API.
import type { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { isIP } from 'node:net';

// node:crypto and node:https (with node:tls) are taken only with a certificate: a loopback
// `vigie serve` listens without loading them (issue 18, first paint).
const crypto = () => process.getBuiltinModule('node:crypto');
const https = () => process.getBuiltinModule('node:https');

export class ListenError extends Error {
  override name = 'ListenError';
}

export interface Tls {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, colon-separated upper-case hex (as `openssl x509 -fingerprint`). */
  fingerprint: string;
  /** The certificate's subject alternative names, DNS names and IP addresses. */
  names: string[];
}

export interface Listen {
  address: string;
  tls?: Tls;
}

export const LOOPBACK = '127.0.0.1';

export function isLoopback(address: string): boolean {
  const a = address.toLowerCase();
  return a === 'localhost' || a === '::1' || (isIP(a) === 4 && a.startsWith('127.'));
}

/** Checks the flags of `vigie serve`: a non-loopback address needs both TLS files. */
export function listenPlan(flags: { listen?: string; cert?: string; key?: string }): Listen {
  const address = flags.listen ?? LOOPBACK;
  if (!isIP(address) && address !== 'localhost')
    throw new ListenError(`--listen: expected an IP address, got "${address}"`);
  if (!flags.cert !== !flags.key) throw new ListenError('--tls-cert and --tls-key go together');
  if (!flags.cert || !flags.key) {
    if (!isLoopback(address))
      throw new ListenError(
        `--listen ${address} is not a loopback address: give --tls-cert FILE and --tls-key FILE (see vigie room cert)`,
      );
    return { address };
  }
  return { address, tls: loadTls(flags.cert, flags.key) };
}

export function loadTls(certFile: string, keyFile: string): Tls {
  const cert = readPem('--tls-cert', certFile);
  const key = readPem('--tls-key', keyFile);
  let x509: X509Certificate;
  try {
    x509 = new (crypto().X509Certificate)(cert);
  } catch {
    throw new ListenError(`--tls-cert: ${certFile} is not a PEM certificate`);
  }
  let privateKey;
  try {
    privateKey = crypto().createPrivateKey(key);
  } catch {
    throw new ListenError(`--tls-key: ${keyFile} is not a PEM private key (or it is encrypted)`);
  }
  if (!x509.checkPrivateKey(privateKey))
    throw new ListenError(`--tls-key: ${keyFile} is not the key of the certificate ${certFile}`);
  if (Date.parse(x509.validTo) < Date.now())
    throw new ListenError(`--tls-cert: ${certFile} expired on ${new Date(x509.validTo).toISOString()}`);
  return { cert, key, fingerprint: x509.fingerprint256, names: subjectAltNames(x509) };
}

function readPem(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new ListenError(`${flag}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** "DNS:room.local, IP Address:10.0.0.5" → ["room.local", "10.0.0.5"]. */
export function subjectAltNames(x509: X509Certificate): string[] {
  return (x509.subjectAltName ?? '')
    .split(', ')
    .map((part) => /^(?:DNS|IP Address):(.+)$/.exec(part)?.[1]?.toLowerCase())
    .filter((n): n is string => !!n);
}

const hostPort = (name: string, port: number) => `${isIP(name) === 6 ? `[${name}]` : name}:${port}`;

/** The Host headers this server answers: loopback names, and with TLS its address and names. */
export function allowedHosts(listen: Listen, port: number): string[] {
  const names = new Set([LOOPBACK, 'localhost']);
  if (listen.tls) {
    if (!isUnspecified(listen.address)) names.add(listen.address.toLowerCase());
    for (const n of listen.tls.names) names.add(n);
  }
  return [...names].map((n) => hostPort(n, port));
}

const isUnspecified = (address: string) => address === '0.0.0.0' || address === '::';

/** The address printed for the console: the listen address, or a certificate name when it is "any". */
export function publicUrl(listen: Listen, port: number): string {
  const scheme = listen.tls ? 'https' : 'http';
  const name = isUnspecified(listen.address)
    ? (listen.tls?.names.find((n) => !isLoopback(n)) ?? LOOPBACK)
    : listen.address;
  return `${scheme}://${hostPort(name, port)}/`;
}

export function createListener(listen: Listen, handler: RequestListener): Server {
  if (!listen.tls) return createHttpServer(handler);
  return https().createServer({ cert: listen.tls.cert, key: listen.tls.key, minVersion: 'TLSv1.2' }, handler);
}
