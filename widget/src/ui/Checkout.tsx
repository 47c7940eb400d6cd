import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { WidgetEvent } from '../api';
import { type FlowState, withHeld } from '../flow/machine';
import { loadSteps } from '../steps-loader';
import { useRetry } from './hooks';
import { Meta } from './Meta';
import { SelectStep } from './SelectStep';
import type { StepsProps } from './Steps';
import type { Surface } from './surface';

interface Props {
  surface: Surface;
  state: FlowState;
  data: WidgetEvent;
  /** The root's classes: `er`, and `dark` in the dark theme. */
  cls: string;
  /** The hosted page: the title is the page's h1, the buyer cannot go back to choose, and `top` and `bottom` say more. */
  page?: boolean;
  top?: ComponentChildren;
  bottom?: ComponentChildren;
}

/** One event's checkout at whatever step the flow is: choose, hold, pay, confirm, done or ended. */
export function Checkout({ surface, state, data, cls, page, top, bottom }: Props) {
  const { flow } = surface;
  const { step, held, error } = state;
  const { event } = data;
  const Title = page ? 'h1' : 'h2';
  // The later steps are fetched as soon as the buyer starts choosing, so they are there at Continue.
  const choosing = step.at !== 'select' || held || Object.values(state.quantities).some(Boolean);
  return (
    <section class={cls} aria-label={`Tickets for ${event.title}`}>
      {/* Hidden, not gone, once the order is done: the modal's dialog is named by this heading. */}
      <header class="head" hidden={step.at === 'done' && !page}>
        <Title id="er-title">
          <bdi>{event.title}</bdi>
        </Title>
        <Meta event={event} br />
      </header>
      {top}
      {choosing && <Later surface={surface} state={state} data={data} page={page} />}
      {step.at === 'select' && (
        <SelectStep
          data={withHeld(data, held)}
          quantities={state.quantities}
          email={state.email}
          busy={state.busy}
          error={error?.message ?? ''}
          errorParam={error?.param}
          onQuantity={(t, quantity) => flow.send({ type: 'quantity', tierId: t.id, quantity })}
          onEmail={(email) => flow.send({ type: 'email', email })}
          onContinue={() => flow.send({ type: 'continue' })}
        />
      )}
      {bottom}
    </section>
  );
}

/** The later steps (see Steps.tsx), once they are loaded; until then a placeholder, or a way to try again. */
function Later(p: StepsProps) {
  const [Steps, setSteps] = useState(() => window.EntryRate?.steps);
  const loading = useRetry();
  useEffect(() => {
    if (!Steps) loadSteps(p.surface.api.base).then((s) => setSteps(() => s), loading.fail);
  }, [loading.attempt]);
  if (Steps) return <Steps {...p} />;
  // Nothing to say while the buyer is still choosing.
  if (p.state.step.at === 'select') return null;
  return loading.failed ? (
    <>
      <p class="err" role="alert">
        Couldn't load the next step. Check your connection and try again.
      </p>
      <button class="secondary" type="button" onClick={loading.retry}>
        Try again
      </button>
    </>
  ) : (
    <div class="skel" aria-busy="true" />
  );
}
