// The API client the map tools call (the same transport as the store's: the preload bridge in
// Electron, HTTP to the loopback host in a browser), created on first use.
import type { VigieClient } from '../../shared/api';
import { createClient } from '../api';

let client: VigieClient | null = null;

export function mapClient(): VigieClient {
  client ??= createClient();
  return client;
}
