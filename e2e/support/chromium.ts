// Debian's Chromium by default (never a downloaded browser); CHROMIUM_PATH points elsewhere. The
// suite's browser and the ones a test launches itself (with a fake camera) start the same way.
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Chromium's fake camera, playing `video` (a Y4M file) in a loop, with camera permission granted. */
export const fakeCamera = (video: string) => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${video}`,
];
