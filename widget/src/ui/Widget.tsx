import { useEffect, useMemo } from 'preact/hooks';
import { createClient, type WidgetEvent } from '../api';
import { emit } from '../events';
import { createCheckoutFlow } from '../flow/checkout-flow';
import { pageStore } from '../idempotency';
import type { Options } from '../options';
import { widgetSessionName } from '../session-store';
import { Checkout } from './Checkout';
import { useDark, useFlow } from './hooks';
import { Modal } from './Modal';
import type { Surface } from './surface';

interface Props {
  /** The embedding element: `entryrate:*` events are dispatched on it. */
  host: HTMLElement;
  /** The light-DOM node the Payment Element mounts into (Stripe refuses shadow roots). */
  slot: HTMLElement;
  options: Options;
  /** Tells this widget's stored keys from those of other widgets on the page (event, mode, place). */
  scope: string;
  /** Called with the event each time it is loaded (embed.html names its frame after it). */
  onEvent?: (data: WidgetEvent) => void;
}

/** One widget: loads its event (or says why it cannot), then the inline checkout or the modal's button. */
export function Widget({ host, slot, options, scope, onEvent }: Props) {
  const { eventId, tier } = options;
  const [flow, api] = useMemo(() => {
    const api = createClient(options.api);
    const store = pageStore();
    const sessionName = widgetSessionName(scope);
    return [
      createCheckoutFlow({ api, store, host, scope, sessionName, eventId, tier, onEvent }),
      api,
    ] as const;
  }, []);
  const state = useFlow(flow);
  useEffect(() => {
    flow.send({ type: 'load' });
    return () => flow.dispose();
  }, []);
  const dark = useDark(options.theme);
  const { step, data } = state;

  // `ready` once the event is on screen, so a listener can already find what it shows.
  const shown = data && step.at !== 'loading' && step.at !== 'failed';
  useEffect(() => {
    if (shown) emit(host, 'ready', { eventId });
  }, [shown]);

  const cls = dark ? 'er dark' : 'er';
  const modal = options.mode === 'modal';
  if (step.at === 'failed') {
    const { error } = step;
    const gone = error.status === 404;
    return (
      <div class={cls}>
        <p class={gone ? 'soldout' : 'err'} role="alert">
          {gone ? "These tickets aren't on sale." : error.message}
        </p>
        {!gone && (error.status === 0 || error.status >= 500) && (
          <button class="secondary" type="button" onClick={() => flow.send({ type: 'load' })}>
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
  const surface: Surface = { flow, api, slot, dark };
  return modal ? (
    <Modal surface={surface} state={state} data={data} cls={cls} />
  ) : (
    <Checkout surface={surface} state={state} data={data} cls={cls} />
  );
}
