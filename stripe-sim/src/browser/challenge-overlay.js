// The 3-D Secure challenge as Stripe.js shows it: a frame from the sim's origin over the whole page.
import { SIM_ORIGIN, simFrame } from './host-frames.js';
import { listenTo, MESSAGES } from './messages.js';

/**
 * Shows the 3-D Secure challenge over the page, as Stripe.js does, and resolves with the buyer's answer.
 * @param {string} publishableKey
 * @param {string} clientSecret
 * @returns {Promise<'complete' | 'fail'>}
 */
export function showChallenge(publishableKey, clientSecret) {
  const overlay = document.createElement('div');
  Object.assign(overlay.style, {
    position: 'fixed',
    inset: '0',
    zIndex: '2147483647',
    background: 'rgba(0, 0, 0, 0.5)',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
  });
  const iframe = simFrame(
    'challenge',
    { key: publishableKey, client_secret: clientSecret },
    '3D Secure authentication',
  );
  Object.assign(iframe.style, {
    width: 'min(480px, calc(100vw - 32px))',
    height: 'min(560px, calc(100vh - 32px))',
    background: '#ffffff',
    borderRadius: '8px',
    boxShadow: '0 12px 48px rgba(0, 0, 0, 0.35)',
    colorScheme: 'light',
  });
  // A modal dialog for assistive technology; focus goes into the challenge and comes back afterwards.
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('aria-label', '3D Secure authentication');
  overlay.append(iframe);
  const returnFocusTo = document.activeElement;
  iframe.addEventListener('load', () => iframe.focus());
  return new Promise((resolve) => {
    const stop = listenTo(window, () => iframe.contentWindow, SIM_ORIGIN, {
      [MESSAGES.challengeResult]: ({ outcome }) => {
        stop();
        overlay.remove();
        if (returnFocusTo instanceof HTMLElement) returnFocusTo.focus();
        resolve(outcome === 'complete' ? 'complete' : 'fail');
      },
    });
    document.body.append(overlay);
  });
}
