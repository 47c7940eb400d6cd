import { useEffect, useRef, useState } from 'preact/hooks';
import { makeQrReader, type QrReader } from './decoder.ts';

const READ_EVERY_MS = 120;

/** The rear camera, read continuously for QR codes; every code seen in a frame goes to `onCodes`. */
export function Camera({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<'starting' | 'reading' | string>('starting');
  const [reader, setReader] = useState<QrReader['kind'] | null>(null);
  const latest = useRef(onCodes);
  latest.current = onCodes;

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = async () => {
      if (!window.isSecureContext) {
        setStatus(
          'The camera needs HTTPS: open the scanner at its https:// address. Until then, type or paste codes below.',
        );
        return;
      }
      if (!navigator.mediaDevices?.getUserMedia) {
        setStatus('This browser gives no camera here: type or paste codes below.');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
          audio: false,
        });
      } catch (error) {
        const name = (error as DOMException).name;
        setStatus(
          name === 'NotAllowedError'
            ? 'The camera is blocked for this page: allow it in the browser’s site settings, or type codes below.'
            : name === 'NotFoundError'
              ? 'No camera found on this device: type or paste codes below.'
              : `The camera did not start (${name}): type or paste codes below.`,
        );
        return;
      }
      if (stopped || !video.current) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      const qr = await makeQrReader();
      setReader(qr.kind);
      setStatus('reading');
      const read = async () => {
        if (stopped) return;
        const frame = video.current;
        if (frame && frame.readyState >= 2) {
          const codes = await qr.read(frame).catch(() => []);
          if (codes.length > 0 && !stopped) latest.current(codes);
        }
        timer = setTimeout(read, READ_EVERY_MS);
      };
      void read();
    };
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return (
    <figure
      class={status === 'starting' || status === 'reading' ? 'camera' : 'camera off'}
      data-reader={reader ?? undefined}
    >
      <video ref={video} muted playsInline aria-label="Camera view" />
      <div class="aim" aria-hidden="true" />
      <figcaption class={status === 'reading' || status === 'starting' ? 'hint' : 'error'} aria-live="polite">
        {status === 'starting'
          ? 'Starting the camera…'
          : status === 'reading'
            ? 'Hold a ticket’s code in the frame.'
            : status}
      </figcaption>
    </figure>
  );
}
