import { useEffect, useState } from 'preact/hooks';
import type { components } from '../../sdks/js/src/openapi.ts';
import { type Credentials, currentSession, listEvents, type Mode, ScanApiError } from './api.ts';

type Session = components['schemas']['Session'];

/**
 * Signs this device in: with a scanner key (made in the dashboard, Settings → API keys, or with
 * `POST /v1/api-keys {"kind":"scanner"}`), or with the dashboard sign-in of someone who may scan.
 */
export function Connect({ onConnect }: { onConnect: (credentials: Credentials) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [session, setSession] = useState<Session | null>(null);
  const [promoterId, setPromoterId] = useState('');
  const [mode, setMode] = useState<Mode>('live');

  useEffect(() => {
    void currentSession().then((found) => {
      const scanners = found?.memberships.filter((m) => m.permissions.includes('scans.write')) ?? [];
      if (!found || scanners.length === 0) return;
      setSession({ ...found, memberships: scanners });
      setPromoterId(scanners[0]?.promoterId ?? '');
    });
  }, []);

  const tryCredentials = async (credentials: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      await listEvents(credentials);
      onConnect(credentials);
    } catch (failure) {
      const status = failure instanceof ScanApiError ? failure.status : 0;
      setError(
        status === 401
          ? 'EntryRate does not know this key: it may have been revoked. Make a new scanner key in the dashboard.'
          : (failure as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };

  const submitKey = (event: Event) => {
    event.preventDefault();
    const typed = key.trim();
    if (/^er_(test|live)_/.test(typed)) {
      setError(
        'This is a secret key, which can do everything: never put it on a door device. Make a scanner key in the dashboard (Settings → API keys → Kind: Scanner).',
      );
      return;
    }
    if (!/^er_scan_(test|live)_\w+$/.test(typed)) {
      setError('A scanner key starts with er_scan_test_ or er_scan_live_.');
      return;
    }
    void tryCredentials({ kind: 'key', key: typed });
  };

  const membership = session?.memberships.find((m) => m.promoterId === promoterId);
  return (
    <main class="setup">
      <h1>Set up this scanner</h1>
      <p class="lede">Door staff scan tickets here, with or without a network.</p>
      <form class="card" onSubmit={submitKey} noValidate>
        <label for="scanner-key">Scanner key</label>
        <input
          id="scanner-key"
          class="mono"
          name="key"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          placeholder="er_scan_live_…"
          value={key}
          aria-describedby={error ? 'connect-error key-hint' : 'key-hint'}
          aria-invalid={error ? true : undefined}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
        <p id="key-hint" class="hint">
          An owner makes one in the dashboard: Settings → API keys → Kind: Scanner. It can only scan and read
          door counts.
        </p>
        {error && (
          <p id="connect-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Use this key'}
        </button>
      </form>
      {session && membership && (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            void tryCredentials({ kind: 'session', promoterId, promoterName: membership.promoterName, mode });
          }}
        >
          <h2>Or scan as {session.person.name}</h2>
          {session.memberships.length > 1 && (
            <>
              <label for="promoter">Promoter</label>
              <select id="promoter" value={promoterId} onChange={(e) => setPromoterId(e.currentTarget.value)}>
                {session.memberships.map((m) => (
                  <option key={m.promoterId} value={m.promoterId}>
                    {m.promoterName}
                  </option>
                ))}
              </select>
            </>
          )}
          <fieldset class="choice">
            <legend>Tickets</legend>
            <label>
              <input type="radio" name="mode" checked={mode === 'live'} onChange={() => setMode('live')} />{' '}
              Live
            </label>
            <label>
              <input type="radio" name="mode" checked={mode === 'test'} onChange={() => setMode('test')} />{' '}
              Test
            </label>
          </fieldset>
          <button type="submit" disabled={busy}>
            Scan for {membership.promoterName}
          </button>
        </form>
      )}
    </main>
  );
}
