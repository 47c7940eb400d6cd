import type { WidgetEvent } from '../api';
import type { FlowState } from '../flow/machine';
import { Confirmation } from './Confirmation';
import { Countdown } from './Countdown';
import { endedNotice, Notice } from './Notice';
import { PaymentStep } from './PaymentStep';
import type { Surface } from './surface';

/** What the checkout passes to its later steps. */
export interface StepsProps {
  surface: Surface;
  state: FlowState;
  data: WidgetEvent;
  /** The hosted page, where the buyer cannot go back to choose again. */
  page?: boolean | undefined;
}

/**
 * Everything after choosing: the hold's countdown, payment (or "Get tickets" when free), waiting
 * for the server, the tickets, or why the seats went back. widget.js loads it as its own chunk
 * (checkout-steps.js) when the buyer starts choosing; embed.js has it built in.
 */
export function Steps({ surface, state, data, page }: StepsProps) {
  const { flow } = surface;
  const { step, held } = state;
  const ended = step.at === 'ended' && endedNotice(step.session, step.paid);
  return (
    <>
      {step.at === 'select' && held && (
        <Countdown
          expiresAt={held.expiresAt}
          offset={state.offset}
          onExpire={() => flow.send({ type: 'expire' })}
        />
      )}
      {step.at === 'pay' && held && (
        <>
          <PaymentStep surface={surface} state={state} data={data} session={held} />
          {!page && (
            <button class="link" type="button" onClick={() => flow.send({ type: 'change' })}>
              Change tickets
            </button>
          )}
        </>
      )}
      {step.at === 'confirming' && (
        <Notice title={held?.amountTotal === 0 ? 'Getting your tickets…' : 'Confirming your payment…'} busy>
          This takes a few seconds. Please keep this page open.
        </Notice>
      )}
      {step.at === 'slow' && (
        <Notice
          title="Still confirming your payment"
          action="Check again"
          onAction={() => flow.send({ type: 'check' })}
        >
          This is taking longer than usual. Your tickets will be emailed to you as soon as the payment is
          confirmed.
        </Notice>
      )}
      {ended && (
        <Notice
          title={ended.title}
          action={page ? undefined : 'Start again'}
          onAction={() => flow.send({ type: 'restart' })}
        >
          {ended.text}
        </Notice>
      )}
      {step.at === 'done' && (
        <Confirmation
          data={data}
          order={step.order}
          ticketsUrl={step.ticketsUrl}
          qr={(id, w) => surface.api.qr(step.session, id, w)}
          sendLinks={surface.api.ticketLinks}
        />
      )}
    </>
  );
}
