import { writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';

// A video for Chromium's fake camera (`--use-file-for-fake-video-capture=`): Y4M, raw 4:2:0
// frames, which Chromium plays in a loop. Each scene is a QR code (or, with null, nothing to scan)
// shown for some seconds, so a looped video shows a ticket, takes it away and shows it again.

const WIDTH = 640;
const HEIGHT = 480;
const FPS = 10;
const WHITE = 235;
const BLACK = 16;

export interface Scene {
  /** What the QR code holds; null for a frame with no code (the ticket taken away). */
  payload: string | null;
  seconds: number;
}

/** One frame's luma plane: the code centred on white, a quiet zone of four modules around it. */
function lumaOf(payload: string | null): Uint8Array {
  const luma = new Uint8Array(WIDTH * HEIGHT).fill(WHITE);
  if (payload === null) return luma;
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const scale = Math.floor((HEIGHT * 0.8) / (modules.size + 8));
  const side = modules.size * scale;
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        luma.fill(
          BLACK,
          (top + row * scale + y) * WIDTH + left + col * scale,
          (top + row * scale + y) * WIDTH + left + (col + 1) * scale,
        );
      }
    }
  }
  return luma;
}

/** Writes the scenes, in order, as a Y4M file at `file`. */
export async function writeFakeCameraVideo(file: string, scenes: Scene[]): Promise<string> {
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128);
  const parts: Uint8Array[] = [Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F${FPS}:1 Ip A1:1 C420jpeg\n`)];
  for (const scene of scenes) {
    const luma = lumaOf(scene.payload);
    for (let frame = 0; frame < Math.round(scene.seconds * FPS); frame++) {
      parts.push(Buffer.from('FRAME\n'), luma, chroma, chroma);
    }
  }
  await writeFile(file, Buffer.concat(parts));
  return file;
}
