import { loadStripe } from '@stripe/stripe-js/pure';

// Stripe's loader for the widget and the hosted page, fetched from the API origin when a buyer reaches
// payment. It hangs on the EntryRate global (the widget's, or a fresh one on the hosted page).
window.EntryRate = Object.assign(window.EntryRate ?? {}, { loadStripe });
