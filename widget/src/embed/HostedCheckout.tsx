import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  type ApiError,
  type CheckoutSession,
  createClient,
  type Order,
  type SessionRef,
  toApiError,
  type WidgetEvent,
} from '../api';
import { clockOffset } from '../clock';
import { formatDoors } from '../format';
import type { KeyValue } from '../idempotency';
import { pollSession } from '../poll';
import { forgetSession } from '../session-store';
import { Confirmation } from '../ui/Confirmation';
import { useDark, useFocusOnMount } from '../ui/hooks';
import { Notice } from '../ui/Notice';
import { PaymentStep } from '../ui/PaymentStep';
import { endedNotice, redirectTarget, SESSION_KEY } from './hosted';

interface Props {
  /** The API origin: the page's own. */
  base: string;
  /** The session from the link (or from before a reload); null when the link named none. */
  session: SessionRef | null;
  /** The light-DOM node the Payment Element mounts into. */
  slot: HTMLElement;
  store: KeyValue;
}

type View =
  | { at: 'loading' }
  | { at: 'failed'; error: ApiError }
  | { at: 'pay' }
  | { at: 'confirming' }
  | { at: 'slow' }
  | { at: 'ended' }
  | { at: 'done'; order: Order; session: SessionRef }
  | { at: 'leaving'; url: string; paid: boolean };

/**
 * The hosted checkout of a session a promoter's backend created: what is held, the countdown, the
 * Payment Element; then, once the server (never the browser) says the session is complete, the
 * promoter's successUrl or the tickets.
 */
export function HostedCheckout({ base, session: ref, slot, store }: Props) {
  const api = useMemo(() => createClient(base), [base]);
  const dark = useDark('auto');
  const [view, setView] = useState<View>({ at: 'loading' });
  const [session, setSession] = useState<CheckoutSession | null>(null);
  const [data, setData] = useState<WidgetEvent | null>(null);
  const [offset, setOffset] = useState(0);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState('');

  const leave = (url: string, paid: boolean, replace = false) => {
    setView({ at: 'leaving', url, paid });
    // A reload (or Back) that finds the session already paid replaces itself, so Back is not a loop.
    if (replace) location.replace(url);
    else location.assign(url);
  };

  const finish = (s: CheckoutSession, replace = false) => {
    const url = redirectTarget(s.successUrl, s.id);
    if (url) leave(url, true, replace);
    else if (s.order) setView({ at: 'done', order: s.order, session: s });
    else setView({ at: 'confirming' });
  };

  const load = async (s: SessionRef) => {
    setView({ at: 'loading' });
    try {
      const found = await api.session(s);
      // Paid already (a reload after paying): straight on, without waiting for the event.
      if (found.status === 'complete' && redirectTarget(found.successUrl, found.id)) {
        return finish(found, true);
      }
      const d = await api.event(found.eventId);
      setOffset(clockOffset(d.serverTime));
      setData(d);
      setSession(found);
      if (found.status === 'complete') finish(found, true);
      else if (found.status !== 'open') setView({ at: 'ended' });
      // Back from a payment method that redirects: the payment may already be on its way.
      else if (/[?&]payment_intent_client_secret=/.test(location.search)) setView({ at: 'confirming' });
      else setView({ at: 'pay' });
    } catch (e) {
      setView({ at: 'failed', error: toApiError(e) });
    }
  };
  useEffect(() => {
    if (ref) void load(ref);
  }, []);

  useEffect(() => {
    if (view.at !== 'confirming' || !ref) return;
    const stop = new AbortController();
    pollSession(() => api.session(ref), { signal: stop.signal }).then((s) => {
      if (stop.signal.aborted) return;
      if (s) setSession(s);
      if (s?.status === 'complete' && s.order) finish(s);
      else if (s?.status === 'expired' || s?.status === 'cancelled') setView({ at: 'ended' });
      else setView({ at: 'slow' });
    });
    return () => stop.abort();
  }, [view]);

  const cancel = async () => {
    if (!ref || cancelling) return;
    setCancelling(true);
    setCancelError('');
    try {
      const s = await api.cancel(ref);
      forgetSession(store, SESSION_KEY);
      setSession(s);
      const url = redirectTarget(s.cancelUrl, s.id);
      if (url) leave(url, false);
      else setView({ at: 'ended' });
    } catch (e) {
      const err = toApiError(e);
      // 409: paid in the meantime, so there is nothing to cancel; show where the payment stands.
      if (err.status === 409) void load(ref);
      else setCancelError(err.message);
    } finally {
      setCancelling(false);
    }
  };

  const cls = `er${dark ? ' dark' : ''}`;
  if (!ref) return <InvalidLink cls={cls} />;
  if (view.at === 'failed') {
    // 404 (unknown session or wrong secret) and every other 4xx: the link itself is wrong.
    if (view.error.status > 0 && view.error.status < 500) return <InvalidLink cls={cls} />;
    return (
      <Problem cls={cls} title="Couldn't load this checkout">
        <p class="note">{view.error.message}</p>
        <button class="primary" type="button" onClick={() => load(ref)}>
          Try again
        </button>
      </Problem>
    );
  }
  if (view.at === 'leaving') {
    return (
      <div class={cls}>
        <Notice title={view.paid ? 'Payment confirmed' : 'Checkout cancelled'} busy>
          {`Taking you back to ${new URL(view.url).host}…`}
        </Notice>
        <p class="center">
          <a class="link" href={view.url}>
            Continue
          </a>
        </p>
      </div>
    );
  }
  if (!session || !data || view.at === 'loading') {
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

  const { event } = data;
  const ended = endedNotice(session);
  const cancelUrl = redirectTarget(session.cancelUrl, session.id);
  return (
    <div class={cls}>
      <header class="head">
        <h1>{event.title}</h1>
        <p class="meta">
          {event.venue.name} · {event.venue.city}
          <br />
          <time dateTime={event.doors}>{formatDoors(event.doors, undefined, event.venue.timezone)}</time>
        </p>
      </header>
      {view.at === 'pay' && (
        <>
          <p class="to">
            Tickets will be emailed to <strong>{session.customerEmail}</strong>
          </p>
          <PaymentStep
            api={api}
            data={data}
            session={session}
            slot={slot}
            dark={dark}
            offset={offset}
            onPaid={() => setView({ at: 'confirming' })}
            onExpired={() => {
              setSession({ ...session, status: 'expired' });
              setView({ at: 'ended' });
            }}
          />
          {cancelUrl && (
            <>
              <p class="center">
                <button class="link" type="button" disabled={cancelling} onClick={cancel}>
                  Cancel and go back
                </button>
              </p>
              <p class="err" role="alert">
                {cancelError}
              </p>
            </>
          )}
        </>
      )}
      {view.at === 'confirming' && (
        <Notice title="Confirming your payment…" busy>
          This takes a few seconds. Please keep this page open.
        </Notice>
      )}
      {view.at === 'slow' && (
        <Notice
          title="Still confirming your payment"
          action="Check again"
          onAction={() => setView({ at: 'confirming' })}
        >
          This is taking longer than usual. Your tickets will be emailed to you as soon as the payment is
          confirmed.
        </Notice>
      )}
      {view.at === 'ended' && (
        <>
          <Notice title={ended.title}>{ended.text}</Notice>
          {cancelUrl && (
            <p class="center">
              <a class="link" href={cancelUrl}>
                Go back
              </a>
            </p>
          )}
        </>
      )}
      {view.at === 'done' && (
        <Confirmation data={data} order={view.order} qr={(id, w) => api.qr(view.session, id, w)} />
      )}
    </div>
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
