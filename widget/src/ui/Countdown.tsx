import { useEffect, useRef, useState } from 'preact/hooks';
import { holdAnnouncement, timeLeft } from '../clock';
import { formatClock } from '../format';

interface Props {
  expiresAt: string;
  /** Server clock minus browser clock, in ms. */
  offset: number;
  onExpire: () => void;
}

/** "Tickets held for 14:59", ticking on the server's clock; screen readers hear only a few milestones. */
export function Countdown({ expiresAt, offset, onExpire }: Props) {
  const [left, setLeft] = useState(() => timeLeft(expiresAt, offset));
  const expire = useRef(onExpire);
  expire.current = onExpire;
  useEffect(() => {
    const tick = () => {
      const ms = timeLeft(expiresAt, offset);
      setLeft(ms);
      if (ms <= 0) {
        clearInterval(timer);
        expire.current();
      }
    };
    const timer = setInterval(tick, 1000);
    tick();
    return () => clearInterval(timer);
  }, [expiresAt, offset]);
  return (
    // The last minute looks urgent; the live region below says so once, at the one-minute mark.
    <p class={left > 60_000 ? 'hold' : 'hold warn'}>
      <span role="timer">Tickets held for {formatClock(left)}</span>
      <span class="sr" aria-live="polite">
        {holdAnnouncement(left)}
      </span>
    </p>
  );
}
