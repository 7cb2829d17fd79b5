/**
 * CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor), the checksum EMVCo
 * merchant-presented QR codes put in tag 63. Input is the payload's bytes (ASCII in practice; UTF-8
 * for anything else, as scanners hash the bytes they read).
 */
export function crc16CcittFalse(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export function crcHex(text: string): string {
  return crc16CcittFalse(new TextEncoder().encode(text)).toString(16).toUpperCase().padStart(4, '0');
}
