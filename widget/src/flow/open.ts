import type { ApiError, CheckoutSession, SessionRef, WidgetEvent } from '../api';
import { forgetKey } from '../idempotency';
import { forgetSession, recallSession } from '../session-store';
import { redirectTarget, resumeStep, type Step } from './machine';
import type { FlowEnv } from './types';

// Where a page load finds the buyer: the widget's event and the session this tab was holding (kept in
// sessionStorage), or the hosted page's session and its event.

/** What a page load found: the event and the step to show, or a paid session's successUrl to go on to. */
export type Opened = { data: WidgetEvent; step: Step; held: CheckoutSession | null } | { leave: string };

const REDIRECTED = /[?&]payment_intent_client_secret=/;

/** Loads what the checkout of `env` starts from; rejects with the API's error. */
export async function openCheckout(env: FlowEnv): Promise<Opened> {
  const { api, store, eventId } = env;
  const ref = env.session ?? recallSession(store, env.sessionName);
  let s: CheckoutSession | null = null;
  let data: WidgetEvent;
  if (eventId) {
    [data, s] = await Promise.all([
      api.event(eventId),
      ref &&
        api.session(ref).catch((e: ApiError) => {
          // Offline: the event cannot load either, and "Try again" will ask again.
          if (e.status === 0 || e.status >= 500) throw e;
          return null;
        }),
    ]);
  } else {
    s = await api.session(ref as SessionRef);
    // Paid already (a reload after paying): straight on, without waiting for the event.
    const url = s.status === 'complete' && redirectTarget(s.successUrl, s.id);
    if (url) return { leave: url };
    data = await api.event(s.eventId);
  }
  const step = resumeStep(s, REDIRECTED.test(env.search ?? location.search), !eventId);
  // A stored session that can no longer be paid is forgotten; with none stored, the Idempotency-Key
  // stays, so a purchase whose answer was lost is replayed rather than held twice.
  if (eventId && ref && step.at === 'select') {
    forgetKey(store, env.scope);
    forgetSession(store, env.sessionName);
  }
  const { tier } = env;
  if (tier && !data.tiers.some((t) => t.slug === tier)) {
    console.warn(`EntryRate: unknown data-tier="${tier}"; no tier is preselected.`);
  }
  return { data, step, held: step.at === 'pay' ? s : null };
}
