import { useEffect, useRef, useState } from 'preact/hooks';
import type { Credentials } from './api.ts';
import { Camera } from './camera.tsx';
import { Door, type DoorView, type ScanAnswer } from './door.ts';
import { signal } from './feedback.ts';
import { openDeviceStore } from './store.ts';
import { clockTime, placeWords } from './words.ts';

/** A code held in front of the camera is read many times a second: it counts again only once it was gone this long. */
const SAME_CODE_GONE_MS = 1500;

interface Shown extends ScanAnswer {
  at: string;
  count: number;
}

/** The door: camera, typed codes, the last result big, counts, and what waits to sync. */
export function Scanning(props: {
  credentials: Credentials;
  eventId: string;
  gate: string;
  onChangeEvent: () => void;
}) {
  const [view, setView] = useState<DoorView | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [typed, setTyped] = useState('');
  const door = useRef<Door | null>(null);
  const busy = useRef(false);
  const lastCode = useRef<{ code: string; seenAt: number } | null>(null);
  const count = useRef(0);

  useEffect(() => {
    let closed = false;
    let opened: Door | null = null;
    void openDeviceStore()
      .then(async (store) => {
        opened = new Door({ ...props, store, onChange: (next) => !closed && setView(next) });
        await opened.open();
        if (closed) opened.close();
        else door.current = opened;
      })
      .catch((error: Error) =>
        setOpenError(
          navigator.onLine
            ? error.message
            : 'This device has not downloaded this event’s tickets yet, and there is no network. Connect once before doors.',
        ),
      );
    return () => {
      closed = true;
      opened?.close();
    };
  }, []);

  const check = async (code: string) => {
    if (!door.current || busy.current) return;
    busy.current = true;
    try {
      const answer = await door.current.scan(code);
      count.current++;
      setShown({ ...answer, at: new Date().toISOString(), count: count.current });
      signal(answer.verdict.tone);
    } finally {
      busy.current = false;
    }
  };

  const fromCamera = (codes: string[]) => {
    const code = codes[0] as string;
    const now = Date.now();
    const last = lastCode.current;
    lastCode.current = { code, seenAt: now };
    if (last && last.code === code && now - last.seenAt < SAME_CODE_GONE_MS) return;
    void check(code);
  };

  if (openError) {
    return (
      <main class="setup">
        <h1>Cannot open this door</h1>
        <p class="card error" role="alert">
          {openError}
        </p>
        <button type="button" onClick={props.onChangeEvent}>
          Pick another event
        </button>
      </main>
    );
  }
  if (!view)
    return (
      <main class="setup" aria-live="polite">
        Downloading tickets…
      </main>
    );

  return (
    <div class="door">
      <header class="bar">
        <div class="where">
          <strong>{view.manifest.title}</strong>
          <span>{props.gate}</span>
        </div>
        <p class={`status ${view.online ? 'online' : 'offline'}`} role="status">
          {view.online ? 'Online' : 'Offline: checking on this device'}
          {view.waiting > 0 && <span class="waiting"> · {view.waiting} waiting to sync</span>}
          {view.syncing && view.waiting > 0 && <span> · syncing…</span>}
        </p>
      </header>
      <main class="scan">
        <div class="reader">
          <Camera onCodes={fromCamera} />
          <form
            class="typed"
            onSubmit={(e) => {
              e.preventDefault();
              if (!typed.trim()) return;
              void check(typed).then(() => setTyped(''));
            }}
          >
            <label for="typed-code">Type or paste a code</label>
            <div class="row">
              <input
                id="typed-code"
                class="mono"
                autocomplete="off"
                autocapitalize="off"
                spellcheck={false}
                value={typed}
                onInput={(e) => setTyped(e.currentTarget.value)}
              />
              <button type="submit">Check</button>
            </div>
          </form>
        </div>
        <div class="side">
          <section
            class={`result ${shown ? shown.verdict.tone : 'ready'}`}
            aria-live="assertive"
            aria-atomic="true"
          >
            {shown ? (
              <>
                <p class="headline" data-count={shown.count}>
                  {shown.verdict.headline}
                </p>
                <p class="detail">{shown.verdict.detail}</p>
                <p class="meta">
                  {clockTime(shown.at)}
                  {shown.offline ? ' · checked on this device, waits to sync' : ''}
                </p>
              </>
            ) : (
              <p class="headline">Ready</p>
            )}
          </section>
          <Counts view={view} />
          {view.findings.length > 0 && (
            <section class="card findings" aria-label="Found on sync">
              <h2>Found on sync</h2>
              <ul>
                {view.findings.map((finding) => (
                  <li key={`${finding.kind}:${finding.later.scanId}`}>
                    {finding.kind === 'duplicate' ? (
                      <>
                        <strong>Duplicate</strong> ({finding.tierName}): let in here{' '}
                        {placeWords(finding.later)}, but first scanned {placeWords(finding.first)}.
                      </>
                    ) : (
                      <>
                        <strong>First here</strong> ({finding.tierName}): scanned here{' '}
                        {placeWords(finding.first)}; the scan {placeWords(finding.later)} is the duplicate.
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </main>
      <footer class="foot">
        <button type="button" onClick={props.onChangeEvent}>
          Change event or gate
        </button>
        {view.waiting > 0 && view.online && (
          <button type="button" onClick={() => void door.current?.sync()}>
            Sync now
          </button>
        )}
        <span class="hint">
          Tickets as of {clockTime(view.manifest.generatedAt)}
          {view.lastSyncAt ? ` · last sync ${clockTime(view.lastSyncAt)}` : ''}
        </span>
      </footer>
    </div>
  );
}

function Counts({ view }: { view: DoorView }) {
  const { counts } = view;
  return (
    <section class="card counts" aria-labelledby="counts-title">
      <h2 id="counts-title">
        In: {counts.totals.scanned} of {counts.totals.valid}
        {!view.countsLive && <span class="hint"> (this device’s count)</span>}
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Scanned</th>
            <th scope="col">Sold</th>
          </tr>
        </thead>
        <tbody>
          {counts.tiers.map((tier) => (
            <tr key={tier.tierId}>
              <th scope="row">{tier.name}</th>
              <td>{tier.scanned}</td>
              <td>{tier.valid}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
