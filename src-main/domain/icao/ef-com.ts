import { CardErrors } from '../../contract/card.ts';
import { expectTlv, findChild, readAll } from './der.ts';

/** Data group tags as EF.COM lists them (ICAO 9303-10 table), mapped to DG numbers. */
const DG_BY_TAG: Record<number, number> = {
  0x61: 1, 0x75: 2, 0x63: 3, 0x76: 4, 0x65: 5, 0x66: 6, 0x67: 7, 0x68: 8,
  0x69: 9, 0x6a: 10, 0x6b: 11, 0x6c: 12, 0x6d: 13, 0x6e: 14, 0x6f: 15, 0x70: 16,
};

export interface EfCom {
  ldsVersion: string;
  unicodeVersion: string;
  dataGroups: number[];
}

/** EF.COM = 60 { 5F01 LDS version, 5F36 Unicode version, 5C tag list }. */
export function parseEfCom(file: Uint8Array): EfCom {
  const outer = expectTlv(file, 0x60);
  const items = readAll(outer.value);
  const list = findChild(items, 0x5c);
  if (!list) throw CardErrors.raise('DG_MALFORMED', { file: 'EF.COM', reason: 'no 5C' });
  const text = (tag: number) => new TextDecoder('latin1').decode(findChild(items, tag)?.value ?? new Uint8Array(0));
  const dataGroups = Array.from(list.value, (t) => DG_BY_TAG[t]).filter((n): n is number => n !== undefined);
  return { ldsVersion: text(0x5f01), unicodeVersion: text(0x5f36), dataGroups };
}

export const DG_TAGS: Record<number, number> = Object.fromEntries(Object.entries(DG_BY_TAG).map(([t, n]) => [n, Number(t)]));
