import type { CounterBridge } from '../../src-main/contract/bridge.ts';
import { createClient, type CounterClient } from '../../src-main/contract/client.ts';
import { createWebBridge } from './web-bridge.ts';

declare global {
  interface Window {
    counter?: CounterBridge;
  }
}

/** The Electron preload defines window.counter; in a plain browser the web host's bridge stands in. */
export function connectClient(): CounterClient {
  return createClient(window.counter ?? createWebBridge());
}
