import sharp from 'sharp';
import { concat, derInteger, fromHex, oidToBytes, tlv } from '../../../domain/icao/der.ts';
import { checkDigit } from '../../../domain/icao/mrz-key.ts';
import { makeSod, makeTestPki, type TestPki } from './test-pki.ts';

/** The synthetic DG13 of the notes (§2.3): fields 1–16, unmarried, 384 bytes. */
export const NOTES_DG13_HEX =
  '6D82017C30820178020101060628D316010008318201693011020101130C30303130393030313233343530150201020C10' +
  '4E677579E1BB856E2056C4836E20416E300F020103130A30312F30312F3139393030080201040C034E616D300F0201050C' +
  '0A5669E1BB8774204E616D30090201060C044B696E68300B0201070C064B68C3B46E67301F0201080C1A58C3A32056C3AD' +
  '2044E1BBA52C2054E1BB896E68204DE1BAAB7530280201090C235468C3B46E20312C2058C3A32056C3AD2044E1BBA52C20' +
  '54E1BB896E68204DE1BAAB75302F02010A0C2A4EE1BB9174207275E1BB93692063C3A163682031636D2064C6B0E1BB9B69' +
  '206DE1BAAF74207472C3A169300F02010B130A30312F30372F32303231300F02010C0C0A30312F30312F32303330302F02' +
  '010D30150C134E677579E1BB856E2056C4836E2042C3AC6E6830130C115472E1BAA76E205468E1BB8B2043C3BA63300302' +
  '010E300E02010F13093132333435363738393015020110131030313233343536373839414243444546';

export interface Person {
  idNumber: string;
  fullName: string;
  /** DD/MM/YYYY */
  dateOfBirth: string;
  sex: 'Nam' | 'Nữ';
  placeOfOrigin: string;
  placeOfResidence: string;
  issueDate: string;
  expiryDate: string;
  father: string;
  mother: string;
  spouse?: string;
  oldIdNumber?: string;
  mrzName: string;
  /** Field 13 layout: two separately wrapped SEQUENCEs (Java/Swift readers) or one (NghiaLio). */
  parentsNesting?: 'separate' | 'single';
}

export const AN: Person = {
  idNumber: '001090012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '01/01/1990',
  sex: 'Nam',
  placeOfOrigin: 'Xã Ví Dụ, Tỉnh Mẫu',
  placeOfResidence: 'Thôn 1, Xã Ví Dụ, Tỉnh Mẫu',
  issueDate: '01/07/2021',
  expiryDate: '01/01/2030',
  father: 'Nguyễn Văn Bình',
  mother: 'Trần Thị Cúc',
  oldIdNumber: '123456789',
  mrzName: 'NGUYEN<<VAN<AN',
};

const utf8 = (s: string) => tlv(0x0c, new TextEncoder().encode(s));
const printable = (s: string) => tlv(0x13, new TextEncoder().encode(s));
const field = (n: number, ...v: Uint8Array[]) => tlv(0x30, derInteger(n), ...v);

export function buildDg13(p: Person): Uint8Array {
  const parents =
    p.parentsNesting === 'single'
      ? field(13, tlv(0x30, utf8(p.father), utf8(p.mother)))
      : field(13, tlv(0x30, utf8(p.father)), tlv(0x30, utf8(p.mother)));
  const records = [
    field(1, printable(p.idNumber)),
    field(2, utf8(p.fullName)),
    field(3, printable(p.dateOfBirth)),
    field(4, utf8(p.sex)),
    field(5, utf8('Việt Nam')),
    field(6, utf8('Kinh')),
    field(7, utf8('Không')),
    field(8, utf8(p.placeOfOrigin)),
    field(9, utf8(p.placeOfResidence)),
    field(10, utf8('Nốt ruồi cách 1cm dưới mắt trái')),
    field(11, printable(p.issueDate)),
    field(12, utf8(p.expiryDate)),
    parents,
    p.spouse ? field(14, tlv(0x30, utf8(p.spouse))) : field(14),
    ...(p.oldIdNumber ? [field(15, printable(p.oldIdNumber))] : []),
    field(16, printable('0123456789ABCDEF')),
  ];
  return tlv(0x6d, tlv(0x30, derInteger(1), tlv(0x06, oidToBytes('1.0.10646.1.0.8')), tlv(0x31, ...records)));
}

const yymmdd = (ddmmyyyy: string) => `${ddmmyyyy.slice(8, 10)}${ddmmyyyy.slice(3, 5)}${ddmmyyyy.slice(0, 2)}`;

/** The TD1 MRZ the way VN fills it (notes §3.2). */
export function mrzLines(p: Person): string[] {
  const doc = p.idNumber.slice(3);
  const l1 = `IDVNM${doc}${checkDigit(doc)}${p.idNumber}<<${checkDigit(p.idNumber)}`;
  const dob = yymmdd(p.dateOfBirth);
  const exp = yymmdd(p.expiryDate);
  const l2a = `${dob}${checkDigit(dob)}${p.sex === 'Nam' ? 'M' : 'F'}${exp}${checkDigit(exp)}VNM<<<<<<<<<<<`;
  const composite = l1.slice(5, 30) + l2a.slice(0, 7) + l2a.slice(8, 15) + l2a.slice(18, 29);
  return [l1, `${l2a}${checkDigit(composite)}`, p.mrzName.padEnd(30, '<')];
}

export function mrzKeyOf(p: Person) {
  return { documentNumber: p.idNumber.slice(3), dateOfBirth: yymmdd(p.dateOfBirth), dateOfExpiry: yymmdd(p.expiryDate) };
}

export const buildDg1 = (p: Person) => tlv(0x61, tlv(0x5f1f, new TextEncoder().encode(mrzLines(p).join(''))));

export async function faceJpeg(): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="160"><rect width="120" height="160" fill="#dfe6ee"/><circle cx="60" cy="62" r="30" fill="#c99a78"/><rect x="25" y="100" width="70" height="60" rx="20" fill="#34507a"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer());
}

/** DG2: 75 { 7F61 { count, 7F60 { A1 header, 5F2E ISO 19794-5 record with the JPEG } } }. */
export function buildDg2(jpeg: Uint8Array): Uint8Array {
  const recordHeader = concat(Uint8Array.of(0x46, 0x41, 0x43, 0, 0x30, 0x31, 0x30, 0), fromHex('00000000'), Uint8Array.of(0, 1), new Uint8Array(32));
  const bdb = tlv(0x5f2e, recordHeader, jpeg);
  const bht = tlv(0xa1, tlv(0x80, Uint8Array.of(1, 1)), tlv(0x87, Uint8Array.of(1, 1)), tlv(0x88, Uint8Array.of(0, 8)));
  return tlv(0x75, tlv(0x7f61, tlv(0x02, Uint8Array.of(1)), tlv(0x7f60, bht, bdb)));
}

/** DG14: a ChipAuthenticationInfo (id-CA-ECDH-AES-CBC-CMAC-128), as on VN cards. */
export const buildDg14 = () => tlv(0x6e, tlv(0x31, tlv(0x30, tlv(0x06, oidToBytes('0.4.0.127.0.7.2.2.3.2.2')), derInteger(1))));
/** DG15: a placeholder active-authentication public key (SPKI shape, random point bytes). */
export const buildDg15 = () => tlv(0x6f, tlv(0x30, tlv(0x30, tlv(0x06, oidToBytes('1.2.840.10045.2.1')), tlv(0x06, oidToBytes('1.2.840.10045.3.1.7'))), tlv(0x03, Uint8Array.of(0, 4), new Uint8Array(64).fill(7))));

export const buildEfCom = (tags: number[]) => tlv(0x60, tlv(0x5f01, new TextEncoder().encode('0107')), tlv(0x5f36, new TextEncoder().encode('040000')), tlv(0x5c, Uint8Array.from(tags)));

export const VN_CARD_ACCESS_HEX = '3134300d060804007f0007020202020101300f060a04007f000702020302020201013012060a04007f0007020204020202010202010d';

export function cardAccess(protocolOid: string, parameterId: number): Uint8Array {
  return tlv(0x31, tlv(0x30, tlv(0x06, oidToBytes(protocolOid)), derInteger(2), derInteger(parameterId)));
}

export interface CardImage {
  person: Person;
  /** FID → file bytes, as the chip stores them (EF.COM, DGs, SOD; EF.CardAccess when PACE). */
  files: Map<number, Uint8Array>;
  pki: TestPki;
}

/** A complete card: DG1/2/13/14/15 signed into a SOD by a fresh test CSCA/DS. */
export async function buildCard(person: Person = AN, opts: { pki?: TestPki; cardAccess?: Uint8Array | null } = {}): Promise<CardImage> {
  const pki = opts.pki ?? (await makeTestPki());
  const dgs = new Map<number, Uint8Array>([
    [1, buildDg1(person)],
    [2, buildDg2(await faceJpeg())],
    [13, buildDg13(person)],
    [14, buildDg14()],
    [15, buildDg15()],
  ]);
  const files = new Map<number, Uint8Array>();
  for (const [dg, bytes] of dgs) files.set(0x0100 + dg, bytes);
  files.set(0x011e, buildEfCom([0x61, 0x75, 0x6d, 0x6e, 0x6f]));
  files.set(0x011d, await makeSod(pki, dgs));
  const ca = opts.cardAccess === undefined ? fromHex(VN_CARD_ACCESS_HEX) : opts.cardAccess;
  if (ca) files.set(0x011c, ca);
  return { person, files, pki };
}
