import { Bonjour } from 'bonjour-service';

export interface FoundEscl {
  url: string;
  name: string;
  uuid?: string;
}

/** A service record as mDNS gives it (the parts we read). */
export interface EsclService {
  name: string;
  type: string;
  port: number;
  addresses?: string[];
  referer?: { address: string };
  txt?: Record<string, unknown>;
}

/**
 * The base URL of an eSCL service: the A record's IPv4 address (not the packet source, NAPS2
 * #874/#858), the `rs` TXT key as the resource root, https for `_uscans`.
 */
export function esclUrl(s: EsclService): string | undefined {
  const v4 = (s.addresses ?? []).find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a)) ?? s.referer?.address;
  if (!v4) return undefined;
  const rs = String(s.txt?.rs ?? 'eSCL').replace(/^\/+|\/+$/g, '');
  const scheme = s.type === 'uscans' ? 'https' : 'http';
  return `${scheme}://${v4}:${s.port}${rs ? `/${rs}` : ''}`;
}

/** Browses `_uscan._tcp` and `_uscans._tcp` for a short while; devices are keyed by their uuid. */
export async function discoverEscl(durationMs = 1500): Promise<FoundEscl[]> {
  const bonjour = new Bonjour();
  const found = new Map<string, FoundEscl>();
  try {
    const add = (s: EsclService) => {
      const url = esclUrl(s);
      if (!url) return;
      const uuid = s.txt?.uuid === undefined ? undefined : String(s.txt.uuid);
      const key = uuid ?? url;
      // Prefer plain http when a device offers both (no certificate prompts on the LAN).
      if (!found.has(key) || s.type === 'uscan') found.set(key, { url, name: String(s.txt?.ty ?? s.name), uuid });
    };
    const browsers = ['uscan', 'uscans'].map((type) => bonjour.find({ type, protocol: 'tcp' }, (s) => add(s as unknown as EsclService)));
    await new Promise((r) => setTimeout(r, durationMs));
    browsers.forEach((b) => b.stop());
  } finally {
    bonjour.destroy();
  }
  return [...found.values()];
}
