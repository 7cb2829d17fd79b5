import { integerValue, oidToString, parseTree } from './der.ts';

/** What EF.CardAccess says about PACE: the protocol OID and the domain parameter id. */
export interface PaceInfo {
  protocol: string;
  version: number;
  parameterId?: number;
}

export const PACE_OIDS = {
  ECDH_GM_3DES: '0.4.0.127.0.7.2.2.4.2.1',
  ECDH_GM_AES128: '0.4.0.127.0.7.2.2.4.2.2',
  ECDH_GM_AES192: '0.4.0.127.0.7.2.2.4.2.3',
  ECDH_GM_AES256: '0.4.0.127.0.7.2.2.4.2.4',
} as const;

/** Standardised domain parameters (ICAO 9303-11 table): 12 = NIST P-256, 13 = brainpoolP256r1. */
export const PACE_PARAMETER_IDS = { P256: 12, BRAINPOOL_P256R1: 13 } as const;

const PACE_PREFIX = '0.4.0.127.0.7.2.2.4.';

/** Reads the PACEInfo entries of EF.CardAccess (a SET of SecurityInfo). */
export function parseCardAccess(file: Uint8Array): PaceInfo[] {
  const [set] = parseTree(file);
  if (!set || set.tag !== 0x31) return [];
  const out: PaceInfo[] = [];
  for (const info of set.children) {
    const [oid, version, param] = info.children;
    if (!oid || oid.tag !== 0x06 || !version || version.tag !== 0x02) continue;
    const protocol = oidToString(oid.value);
    if (!protocol.startsWith(PACE_PREFIX) || protocol.split('.').length !== 11) continue;
    out.push({ protocol, version: integerValue(version), parameterId: param?.tag === 0x02 ? integerValue(param) : undefined });
  }
  return out;
}
