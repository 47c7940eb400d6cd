import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildStripeJs, classicScript } from './bundle.ts';

describe('classicScript', () => {
  it('turns modules into one script with no import or export left', () => {
    const script = classicScript([
      'export const A = 1;\nexport function twice(x) {\n  return x * 2;\n}\n',
      "import { A,\n  twice } from './a.js';\nexport class B {}\nwindow.result = twice(A);\n",
    ]);
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    const context: { window: { result?: number } } = { window: {} };
    new Script(script).runInNewContext(context);
    expect(context.window.result).toBe(2);
  });

  it('builds the Stripe.js stand-in into a script that defines window.Stripe', async () => {
    const script = await buildStripeJs();
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    // Just enough of a browser for the script's top level to run.
    const window: { Stripe?: { version?: string } } = {};
    const document = { currentScript: { src: 'http://localhost:12111/js/v3' } };
    new Script(script).runInNewContext({ window, document, URL });
    expect(typeof window.Stripe).toBe('function');
    expect(window.Stripe?.version).toBe('endive');
  });
});
