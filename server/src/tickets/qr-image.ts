import QRCode from 'qrcode';

/** A QR code of `payload` as an SVG document, with the quiet zone scanners need around it. */
export function qrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, width: 256 });
}
