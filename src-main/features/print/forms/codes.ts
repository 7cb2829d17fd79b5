import QRCode from 'qrcode';
import bwipjs from 'bwip-js/node';

/** A QR code as PNG bytes (error correction M, 1-module quiet zone). */
export function qrPng(text: string, scale = 4): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale });
}

/** A Code 128 barcode as PNG bytes, without the human-readable line (the form prints the code itself). */
export function code128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 2, height: 8, includetext: false, paddingwidth: 2 });
}

/** What the dossier QR encodes: the tracking URL with the code, or the code alone. */
export function dossierQrText(code: string, trackingUrl: string): string {
  if (!trackingUrl) return code;
  return trackingUrl.includes('{code}') ? trackingUrl.replace('{code}', encodeURIComponent(code)) : trackingUrl + encodeURIComponent(code);
}
