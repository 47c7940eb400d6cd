// Reading QR codes from the camera: the browser's own BarcodeDetector where it has one that reads
// QR codes (Android, macOS, ChromeOS), else the same API from ZXing compiled to WebAssembly
// (barcode-detector, on zxing-wasm), served from /scan/ with the rest of the app so it works offline.

export interface QrReader {
  /** The codes in this video frame. */
  read(video: HTMLVideoElement): Promise<string[]>;
  /** Which reader: shown in the scanner's footer for whoever troubleshoots a device. */
  kind: 'native' | 'zxing';
}

interface DetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

declare global {
  // The Barcode Detection API is not in TypeScript's DOM library yet.
  var BarcodeDetector:
    | ((new (options: { formats: string[] }) => DetectorLike) & { getSupportedFormats(): Promise<string[]> })
    | undefined;
}

export async function makeQrReader(): Promise<QrReader> {
  const native = globalThis.BarcodeDetector;
  const formats: string[] = native ? await native.getSupportedFormats().catch(() => []) : [];
  if (native && formats.includes('qr_code')) {
    const detector = new native({ formats: ['qr_code'] });
    return {
      kind: 'native',
      read: async (video) => (await detector.detect(video)).map((code) => code.rawValue),
    };
  }
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
    import('barcode-detector/ponyfill'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ]);
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
    },
  });
  const detector = new BarcodeDetector({ formats: ['qr_code'] });
  return {
    kind: 'zxing',
    read: async (video) => (await detector.detect(video)).map((code) => code.rawValue),
  };
}
