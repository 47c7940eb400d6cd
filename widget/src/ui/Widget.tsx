import { useEffect, useMemo, useState } from 'preact/hooks';
import { type ApiError, type Client, createClient, toApiError, type WidgetEvent } from '../api';
import { clockOffset } from '../clock';
import { emit } from '../events';
import { forgetKey, type KeyValue, pageStore } from '../idempotency';
import type { Options } from '../options';
import { forgetSession, recallSession, widgetSessionName } from '../session-store';
import { Checkout, type Step } from './Checkout';
import { useDark } from './hooks';
import { Modal } from './Modal';

/** What every part of one widget shares. */
export interface Env {
  /** The embedding element: `entryrate:*` events are dispatched on it. */
  host: HTMLElement;
  /** The light-DOM node the Payment Element mounts into (Stripe refuses shadow roots). */
  slot: HTMLElement;
  options: Options;
  /** Tells this widget's stored keys from those of other widgets on the page (event, mode, place). */
  scope: string;
  api: Client;
  store: KeyValue;
}

interface Props {
  host: HTMLElement;
  slot: HTMLElement;
  options: Options;
  scope: string;
  /** Called with the event each time it is loaded (embed.html names its frame after it). */
  onEvent?: (data: WidgetEvent) => void;
}

const REDIRECTED = /[?&]payment_intent_client_secret=/;

/**
 * Where a reload finds the buyer: paying the session this widget still holds, or waiting for the
 * server to confirm one already paid (or being paid by a method that redirected), or at the start.
 */
async function resume({ api, store, scope }: Env): Promise<Step> {
  const name = widgetSessionName(scope);
  const saved = recallSession(store, name);
  if (!saved) return { at: 'select' };
  const s = await api.session(saved).catch((e: ApiError) => {
    // Offline: the event cannot load either, and "Try again" will ask again.
    if (e.status === 0 || e.status >= 500) throw e;
    return null;
  });
  if (s?.status === 'complete' || (s?.status === 'open' && REDIRECTED.test(location.search))) {
    return { at: 'confirming', session: saved };
  }
  if (s?.status === 'open') return { at: 'pay', session: s };
  forgetSession(store, name);
  forgetKey(store, scope);
  return { at: 'select' };
}

/** One widget: loads its event (or says why it cannot), then the inline checkout or the modal's button. */
export function Widget({ host, slot, options, scope, onEvent }: Props) {
  const { eventId, tier } = options;
  const env = useMemo<Env>(
    () => ({ host, slot, options, scope, api: createClient(options.api), store: pageStore() }),
    [],
  );
  const dark = useDark(options.theme);
  const [data, setData] = useState<WidgetEvent | null>(null);
  const [offset, setOffset] = useState(0);
  const [initial, setInitial] = useState<Step>({ at: 'select' });
  const [failure, setFailure] = useState<ApiError | null>(null);

  const show = (d: WidgetEvent) => {
    setOffset(clockOffset(d.serverTime));
    setData(d);
    onEvent?.(d);
    return d;
  };
  const refresh = () => env.api.event(eventId).then(show);
  const load = async () => {
    setFailure(null);
    try {
      // Both before anything is shown: the checkout starts at the step the reload found.
      const [d, step] = await Promise.all([env.api.event(eventId), resume(env)]);
      setInitial(step);
      show(d);
    } catch (e) {
      setData(null);
      setFailure(toApiError(e));
    }
  };
  useEffect(() => void load(), []);

  // `ready` once the event is on screen, so a listener can already find what it shows.
  const shown = data !== null && !failure;
  useEffect(() => {
    if (!shown) return;
    emit(host, 'ready', { eventId });
    if (tier && !data?.tiers.some((t) => t.slug === tier)) {
      console.warn(`EntryRate: unknown data-tier="${tier}"; no tier is preselected.`);
    }
  }, [shown]);

  const cls = dark ? 'er dark' : 'er';
  const modal = options.mode === 'modal';
  if (failure) {
    const gone = failure.status === 404;
    return (
      <div class={cls}>
        <p class={gone ? 'soldout' : 'err'} role="alert">
          {gone ? "These tickets aren't on sale." : failure.message}
        </p>
        {!gone && (failure.status === 0 || failure.status >= 500) && (
          <button class="secondary" type="button" onClick={load}>
            Try again
          </button>
        )}
      </div>
    );
  }
  if (!shown) {
    return modal ? (
      <div class={`${cls} bare`}>
        <button class="primary open" type="button" disabled>
          Get tickets
        </button>
      </div>
    ) : (
      <div class={cls} aria-busy="true">
        <div class="skel" />
        <div class="skel" />
        <div class="skel" />
        <p class="sr" role="status">
          Loading tickets…
        </p>
      </div>
    );
  }
  const props = { env, data, dark, cls, offset, initial, refresh };
  return modal ? <Modal {...props} /> : <Checkout {...props} />;
}
