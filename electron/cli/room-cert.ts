// `vigie room cert`: a self-signed certificate and key for a room server on a closed network, where
// no certificate authority is reachable. Desks trust it by pinning the fingerprint printed here, not
// through a CA, so the names only need to match the Host the desks type (the server checks them).
import { KeyObject, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import type { AppPaths } from '../app-root.js';
import { int, parse, UsageError } from './args.js';
import type { Io } from './commands.js';

const CERT_FILE = 'room-cert.pem';
const KEY_FILE = 'room-key.pem';
// A DNS name as a certificate carries it: labels of letters, digits and hyphens.
const DNS_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export interface RoomPair {
  certPem: string;
  keyPem: string;
  fingerprint: string;
  notAfter: string;
}

export async function roomCert(argv: string[], _paths: AppPaths, io: Io): Promise<number> {
  const { values } = parse(argv, {
    out: { type: 'string' },
    name: { type: 'string', multiple: true },
    ip: { type: 'string', multiple: true },
    days: { type: 'string' },
  });
  if (!values.out) throw new UsageError('--out DIR is required');
  const days = int('days', values.days, 1, 3650) ?? 365;
  const given = !!(values.name?.length || values.ip?.length);
  const names = given ? (values.name ?? []) : [hostname(), 'localhost'];
  const ips = given ? (values.ip ?? []) : ['127.0.0.1'];
  for (const n of names) if (!DNS_NAME.test(n)) throw new UsageError(`--name: "${n}" is not a host name`);
  for (const ip of ips) if (!isIP(ip)) throw new UsageError(`--ip: "${ip}" is not an IP address`);

  const dir = resolve(values.out);
  const certPath = join(dir, CERT_FILE);
  const keyPath = join(dir, KEY_FILE);
  for (const file of [certPath, keyPath])
    if (existsSync(file)) throw new UsageError(`--out: ${file} exists; it is never overwritten`);

  const pair = await generate(names, ips, days);
  mkdirSync(dir, { recursive: true });
  // 'wx': a file that appeared meanwhile is still not overwritten; the key is for its owner only.
  writeFileSync(keyPath, pair.keyPem, { flag: 'wx', mode: 0o600 });
  try {
    writeFileSync(certPath, pair.certPem, { flag: 'wx', mode: 0o644 });
  } catch (err) {
    rmSync(keyPath);
    throw err;
  }
  io.out(
    JSON.stringify(
      { cert: certPath, key: keyPath, fingerprint: pair.fingerprint, notAfter: pair.notAfter },
      null,
      2,
    ),
  );
  return 0;
}

/**
 * @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata polyfill
 * loaded first. Loaded on demand, so other commands (and `vigie serve`) neither pay for it nor get
 * a patched global.
 */
async function loadX509() {
  await import('reflect-metadata');
  return import('@peculiar/x509');
}

/** An ECDSA P-256 key and a self-signed server certificate naming `names` and `ips`. */
export async function generate(names: string[], ips: string[], days: number): Promise<RoomPair> {
  const x509 = await loadX509();
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const notBefore = new Date(Date.now() - 60_000); // a minute's grace for desks whose clock is behind
  const notAfter = new Date(Date.now() + days * 86_400_000);
  const cn = (names[0] ?? ips[0] ?? 'vigie-room').replace(/[,=+<>#;\\"]/g, '');
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: `CN=${cn}, O=Vigie room`,
      notBefore,
      notAfter,
      keys,
      signingAlgorithm: algorithm,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension([
          ...names.map((value) => ({ type: 'dns' as const, value })),
          ...ips.map((value) => ({ type: 'ip' as const, value })),
        ]),
      ],
    },
    webcrypto as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[1],
  );
  const certPem = cert.toString('pem') + '\n';
  const keyPem = KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }) as string;
  const parsed = new X509Certificate(certPem);
  return {
    certPem,
    keyPem,
    fingerprint: parsed.fingerprint256,
    notAfter: new Date(parsed.validTo).toISOString(),
  };
}
