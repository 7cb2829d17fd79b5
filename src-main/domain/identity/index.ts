export { parseAny, type ParseHint } from './parse-any.ts';
export { parseCccdQr } from './cccd-qr.ts';
export { parseVneidQr } from './vneid-qr.ts';
export { parseBhytQr } from './bhyt-qr.ts';
export { parseMrzTd1, mrzLines } from './mrz-td1.ts';
export { buildTd1, type Td1Fields } from './mrz-td1-build.ts';
export { mrzCheckDigit } from './mrz-check-digit.ts';
export { IdentityErrors, type IdentityErrorCode } from './errors.ts';
export { BurstDetector, classifyKeystrokes, DEFAULT_BURST, type BurstOptions } from './burst-detector.ts';
