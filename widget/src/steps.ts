import { Steps } from './ui/Steps';

// checkout-steps.js: the checkout's later steps, which widget.js fetches from the API origin when a
// buyer starts choosing, so that the first screen it draws on a promoter's page weighs less. Built
// with Preact left out: it renders with widget.js's own Preact, which steps-loader.ts lends it
// (components of two Preact copies cannot share one tree).
window.EntryRate = Object.assign(window.EntryRate ?? {}, { steps: Steps });
