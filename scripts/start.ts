import { startStack } from './stack.ts';

// `npm start`: the whole demo on one machine, stopped cleanly by Ctrl-C.
const stack = await startStack().catch((error: Error) => {
  console.error(`\nEntryRate could not start: ${error.message}\n`);
  console.error('See "Troubleshooting" in README.md.');
  process.exit(1);
});

const { info, config } = stack;
console.log(`
  EntryRate is running.

  Demo site (buy a ticket):  ${info.demoUrl}
  Dashboard:                 ${info.dashboardUrl}
    sign in as               ${info.dashboardEmail} / ${info.dashboardPassword}   (demo only)
  Door scanner:              ${info.scannerUrl}
    scanner key              ${info.scannerKey}
  API:                       ${info.apiUrl}   (health: ${info.apiUrl}/health)
  stripe-sim:                ${info.stripeSimUrl ?? 'off (real Stripe keys configured)'}
  Mail inbox:                ${info.mailUrl ?? 'off (SMTP_URL configured)'}
  Demo test key:             ${info.testKey}
  Demo event:                ${info.eventId}
  Written to:                ${config.dataDir}/demo.json

  Test card 4242 4242 4242 4242, any future expiry, any CVC.
  Press Ctrl-C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping EntryRate…');
    await stack.stop();
    console.log('Stopped.');
    process.exit(0);
  });
}
