import { useEffect, useState } from 'preact/hooks';
import type { Credentials } from './api.ts';
import { Connect } from './connect.tsx';
import { unlockSound } from './feedback.ts';
import { PickEvent } from './pick-event.tsx';
import { Scanning } from './scanning.tsx';
import { loadSettings, type Settings, saveSettings } from './settings.ts';

/** The scanner: sign this device in, pick the event and gate, then scan. */
export function App() {
  const [settings, setSettings] = useState<Settings>(loadSettings);
  // The door this device left for the event list, to go back to (also with no network).
  const [left, setLeft] = useState<string | null>(null);
  const update = (next: Partial<Settings>) => {
    const merged = { ...settings, ...next };
    saveSettings(merged);
    setSettings(merged);
  };

  // Sound needs a tap first: any tap or key on the page unlocks it.
  useEffect(() => {
    const unlock = () => unlockSound();
    document.addEventListener('pointerdown', unlock, { once: true });
    document.addEventListener('keydown', unlock, { once: true });
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
    };
  }, []);

  if (!settings.credentials) {
    return <Connect onConnect={(credentials: Credentials) => update({ credentials, eventId: null })} />;
  }
  if (!settings.eventId) {
    return (
      <PickEvent
        credentials={settings.credentials}
        gate={settings.gate}
        onPick={(eventId, gate) => update({ eventId, gate })}
        onBack={left ? () => update({ eventId: left }) : null}
        onSignOut={() => update({ credentials: null, eventId: null })}
      />
    );
  }
  return (
    <Scanning
      key={`${settings.eventId}:${settings.gate}`}
      credentials={settings.credentials}
      eventId={settings.eventId}
      gate={settings.gate}
      onChangeEvent={() => {
        setLeft(settings.eventId);
        update({ eventId: null });
      }}
    />
  );
}
