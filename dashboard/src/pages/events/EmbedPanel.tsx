import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api.ts';
import { useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import { CopyButton, ErrorState, Loading, Notice, SelectField } from '../../ui/index.ts';

type Embed = Schemas['EventEmbed'];

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
 * theme and opening tier, with a copy button and the real widget running them. The API writes the
 * lines (`GET /v1/events/:id/embed`), so what is copied, what the SDKs answer and what the preview
 * runs are the same. The preview is on another origin, in a sandboxed frame: the widget there can no
 * more reach the dashboard than it could from the promoter's site.
 */
export function EmbedPanel({ event }: { event: Schemas['Event'] }) {
  const scope = useRequiredScope();
  const [mode, setMode] = useState<Embed['mode']>('inline');
  const [theme, setTheme] = useState<Embed['theme']>('light');
  const [tier, setTier] = useState('');
  const embed = useResource(
    () =>
      api.get<Embed>(`/v1/events/${encodeURIComponent(event.id)}/embed`, {
        scope,
        query: { mode, theme, tier },
      }),
    [scope.promoterId, scope.mode, event.id, mode, theme, tier],
  );

  return (
    <section class="card" aria-labelledby="embed-title">
      <h2 id="embed-title">Embed the checkout</h2>
      <p>Paste these lines where the tickets should appear on your site.</p>
      <div class="filters">
        <SelectField
          label="Mode"
          value={mode}
          options={MODES}
          onValue={(value) => setMode(value as Embed['mode'])}
        />
        <SelectField
          label="Theme"
          value={theme}
          options={THEMES}
          onValue={(value) => setTheme(value as Embed['theme'])}
        />
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
      {embed.error && <ErrorState error={embed.error} onRetry={embed.reload} />}
      {!embed.data && !embed.error && <Loading />}
      {embed.data && (
        <>
          <pre class="snippet" aria-busy={embed.loading || undefined}>
            <code>{embed.data.snippet}</code>
          </pre>
          <CopyButton text={embed.data.snippet} label="Copy embed code" disabled={embed.loading} />
          <Preview embed={embed.data} event={event} mode={scope.mode} />
        </>
      )}
    </section>
  );
}

function Preview({ embed, event, mode }: { embed: Embed; event: Schemas['Event']; mode: 'test' | 'live' }) {
  if (!embed.previewUrl) {
    return (
      <Notice tone="info">
        The live preview needs a second address for this server: set <code>PREVIEW_URL</code>.
      </Notice>
    );
  }
  return (
    <div class="preview">
      <h3 id="preview-title">Live preview</h3>
      <p class="muted">
        {event.status === 'draft'
          ? 'A draft sells nothing, so the widget says it is not on sale: publish the event to try a purchase.'
          : mode === 'test'
            ? 'This is the real widget in test mode: buy a ticket with the card 4242 4242 4242 4242, any future date and any CVC. Nothing is charged.'
            : 'This is your live checkout: a purchase here is a real payment.'}
      </p>
      <iframe
        // Loaded again when the event goes on sale, so the preview sells what the page now says.
        key={`${embed.previewUrl}|${event.status}`}
        class={`preview-frame preview-${embed.mode}`}
        title={`Live preview of the checkout for ${event.title}`}
        src={embed.previewUrl}
        sandbox="allow-scripts allow-same-origin allow-forms allow-popups"
        referrerpolicy="no-referrer"
      />
    </div>
  );
}
