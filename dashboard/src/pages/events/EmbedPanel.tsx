import { useState } from 'preact/hooks';
import type { Schemas } from '../../api.ts';
import { CopyButton, SelectField } from '../../ui/index.ts';

const MODES = [
  { value: 'inline', label: 'Inline, in the page' },
  { value: 'modal', label: 'A button that opens a dialog' },
  { value: 'iframe', label: 'An iframe of the hosted checkout' },
];

const THEMES = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: "The buyer's setting" },
];

/**
 * The lines a promoter pastes into their own page to sell this event, for a chosen widget mode,
 * theme and opening tier, with a copy button. The script comes from this API's origin (the one
 * serving the dashboard), as the README's widget section documents.
 */
export function EmbedPanel({ event }: { event: Schemas['Event'] }) {
  const [mode, setMode] = useState('inline');
  const [theme, setTheme] = useState('light');
  const [tier, setTier] = useState('');
  const attributes = [
    `data-entryrate-event="${event.id}"`,
    mode !== 'inline' && `data-mode="${mode}"`,
    theme !== 'light' && `data-theme="${theme}"`,
    tier && `data-tier="${tier}"`,
  ].filter(Boolean);
  const snippet = `<script src="${window.location.origin}/widget.js" async></script>\n<div ${attributes.join(' ')}></div>`;

  return (
    <section class="card" aria-labelledby="embed-title">
      <h2 id="embed-title">Embed the checkout</h2>
      <p>Paste these lines where the tickets should appear on your site.</p>
      <div class="filters">
        <SelectField label="Mode" value={mode} options={MODES} onValue={setMode} />
        <SelectField label="Theme" value={theme} options={THEMES} onValue={setTheme} />
        <SelectField
          label="Open at tier"
          value={tier}
          options={[
            { value: '', label: 'The tier list' },
            ...event.tiers.map((t) => ({ value: t.slug, label: t.name })),
          ]}
          onValue={setTier}
        />
      </div>
      <pre class="snippet">
        <code>{snippet}</code>
      </pre>
      <CopyButton text={snippet} label="Copy embed code" />
    </section>
  );
}
