// Sends CoT events to a TAK server on the room network: the streaming input TAK servers listen on
// (8087 plain TCP, 8089 TLS with a client certificate by default), one <event> after the other.
import { isIP, connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { TakTarget } from './tak-address.js';

export class TakSendError extends Error {
  override name = 'TakSendError';
}

const TIMEOUT_MS = 10_000;

/** Writes every event and closes the connection; resolves with how many were handed to the network. */
export function sendToTak(target: TakTarget, events: readonly string[]): Promise<{ sent: number }> {
  return new Promise((resolve, reject) => {
    const where = `${target.host}:${target.port}`;
    const send = () => {
      socket.end(events.join('\n') + '\n', () => resolve({ sent: events.length }));
    };
    const socket: Socket = target.tls
      ? tlsConnect(
          {
            host: target.host,
            port: target.port,
            ...target.tls,
            // SNI carries names only; an address is checked against the certificate's IP entries.
            ...(isIP(target.host) ? {} : { servername: target.host }),
          },
          send,
        )
      : tcpConnect({ host: target.host, port: target.port }, send);
    const fail = (why: string) => {
      socket.destroy();
      reject(new TakSendError(`TAK server ${where}: ${why}`));
    };
    socket.setTimeout(TIMEOUT_MS, () => fail(`no answer within ${TIMEOUT_MS / 1000} s`));
    socket.on('error', (err: NodeJS.ErrnoException) =>
      fail(err.code ? `${err.code} ${err.message}` : err.message),
    );
  });
}
