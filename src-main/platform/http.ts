/**
 * The one `fetch` every HTTP client of the core goes through (province sync, CRL, TSA, BHYT card
 * check). Plain Node's fetch ignores the Windows proxy/PAC settings and the Windows certificate
 * store that province networks rely on; the Electron shell passes `net.fetch` (Chromium's network
 * stack, which honours both) as `CoreConfig.fetch`, and the core installs it here.
 * LAN device traffic (eSCL scanners) deliberately stays on Node's fetch: no proxy in between.
 */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
export type ResponseObserver = (url: string, res: Response) => void;

let current: FetchLike = (input, init) => globalThis.fetch(input, init);
const observers = new Set<ResponseObserver>();

export const httpFetch: FetchLike = async (input, init) => {
  const res = await current(input, init);
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  for (const o of observers) {
    try {
      o(url, res);
    } catch {
      // An observer (the clock check) must never break a request.
    }
  }
  return res;
};

/** Installs the shell's fetch; returns the function that puts the previous one back. */
export function installFetch(f: FetchLike): () => void {
  const previous = current;
  current = f;
  return () => {
    current = previous;
  };
}

/** Sees every response (status bar: the server's Date header against the PC clock). */
export function observeResponses(o: ResponseObserver): () => void {
  observers.add(o);
  return () => observers.delete(o);
}
