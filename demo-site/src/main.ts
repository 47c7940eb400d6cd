import { startDemoSite } from './server.ts';

// The demo site alone (the root `npm start` runs it with everything else).
const site = await startDemoSite({
  port: Number(process.env.DEMO_PORT ?? 5173),
  apiUrl: process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 4000}`,
  eventId: process.env.DEMO_EVENT_ID ?? 'evt_mura_masa_bristol',
  stripeSimUrl:
    process.env.STRIPE_SIM_PUBLIC_URL ?? `http://localhost:${process.env.STRIPE_SIM_PORT ?? 12111}`,
});
console.log(`Demo site on ${site.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void site.stop());
