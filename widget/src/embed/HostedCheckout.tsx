import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { createClient, type SessionRef } from '../api';
import { createCheckoutFlow } from '../flow/checkout-flow';
import { redirectTarget } from '../flow/machine';
import type { KeyValue } from '../idempotency';
import { Checkout } from '../ui/Checkout';
import { useDark, useFlow, useFocusOnMount } from '../ui/hooks';
import { Notice } from '../ui/Notice';
import { SESSION_KEY } from './hosted';

interface Props {
  /** The API origin: the page's own. */
  base: string;
  /** The session from the link (or from before a reload); null when the link named none. */
  session: SessionRef | null;
  /** The page's <main>: `entryrate:*` events are dispatched on it. */
  host: HTMLElement;
  /** The light-DOM node the Payment Element mounts into. */
  slot: HTMLElement;
  store: KeyValue;
}

/**
 * The hosted checkout of a session a promoter's backend created: what is held, the countdown, the
 * Payment Element (or "Get tickets" when it is free); then, once the server (never the browser) says
 * the session is complete, the promoter's successUrl or the tickets. The checkout flow is the
 * widget's own; this page adds only what a page of its own says.
 */
export function HostedCheckout(p: Props) {
  const cls = `er${useDark('auto') ? ' dark' : ''}`;
  return p.session ? <HostedSession {...p} session={p.session} cls={cls} /> : <InvalidLink cls={cls} />;
}

function HostedSession({
  base,
  session,
  host,
  slot,
  store,
  cls,
}: Props & { session: SessionRef; cls: string }) {
  const dark = cls !== 'er';
  const [flow, api] = useMemo(() => {
    const api = createClient(base);
    const env = { api, store, host, scope: SESSION_KEY, sessionName: SESSION_KEY, eventId: null, session };
    return [createCheckoutFlow(env), api] as const;
  }, []);
  const state = useFlow(flow);
  useEffect(() => {
    flow.send({ type: 'load' });
    return () => flow.dispose();
  }, []);
  const { step, held, data } = state;

  if (step.at === 'failed') {
    // 404 (unknown session or wrong secret) and every other 4xx: the link itself is wrong.
    if (step.error.status > 0 && step.error.status < 500) return <InvalidLink cls={cls} />;
    return (
      <Problem cls={cls} title="Couldn't load this checkout">
        <p class="note">{step.error.message}</p>
        <button class="primary" type="button" onClick={() => flow.send({ type: 'load' })}>
          Try again
        </button>
      </Problem>
    );
  }
  if (step.at === 'leaving') {
    return (
      <div class={cls}>
        <Notice title={step.paid ? 'Payment confirmed' : 'Checkout cancelled'} busy>
          {`Taking you back to ${new URL(step.url).host}…`}
        </Notice>
        <p class="center">
          <a class="link" href={step.url}>
            Continue
          </a>
        </p>
      </div>
    );
  }
  if (!data || step.at === 'loading') {
    return (
      <div class={cls} aria-busy="true">
        <div class="skel" />
        <div class="skel" />
        <div class="skel" />
        <p class="sr" role="status">
          Loading your checkout…
        </p>
      </div>
    );
  }

  const paying = step.at === 'pay' && held;
  const ended = step.at === 'ended' && step.session;
  const cancelUrl = redirectTarget((held || ended || null)?.cancelUrl ?? null, session.id);
  return (
    <Checkout
      surface={{ flow, api, slot, dark }}
      state={state}
      data={data}
      cls={cls}
      page
      top={
        paying && (
          <p class="to">
            Tickets will be emailed to <strong>{held.customerEmail}</strong>
          </p>
        )
      }
      bottom={
        cancelUrl &&
        (paying ? (
          <p class="center">
            <button
              class="link"
              type="button"
              disabled={state.busy}
              onClick={() => flow.send({ type: 'cancel' })}
            >
              Cancel and go back
            </button>
          </p>
        ) : (
          ended && (
            <p class="center">
              <a class="link" href={cancelUrl}>
                Go back
              </a>
            </p>
          )
        ))
      }
    />
  );
}

/** A page with nothing to pay: its one heading says why, and takes focus from the loading state. */
function Problem({ cls, title, children }: { cls: string; title: string; children: ComponentChildren }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div class={`${cls} notice`}>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </div>
  );
}

/** A link naming no session, an unknown one, or the wrong secret. */
function InvalidLink({ cls }: { cls: string }) {
  return (
    <Problem cls={cls} title="This checkout link is not valid.">
      <p class="note">Go back to the site where you chose your tickets and start again.</p>
    </Problem>
  );
}
