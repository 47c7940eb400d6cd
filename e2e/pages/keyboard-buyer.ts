import type { Checkout } from './checkout.ts';

/** A buyer who uses only the keyboard: Tab and Shift+Tab to move, Enter and Space to press, typing to fill. */
export class KeyboardBuyer {
  constructor(readonly checkout: Checkout) {}

  get keyboard() {
    return this.checkout.page.keyboard;
  }

  /** What has focus, named as a screen reader names it; inside the card frame, the field's label. */
  async focused(): Promise<string> {
    const name = await this.checkout.page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (el instanceof HTMLIFrameElement) return `frame: ${el.title}`;
      const text =
        el?.getAttribute('aria-label') ?? (el as HTMLInputElement | null)?.labels?.[0]?.textContent;
      return (text ?? el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    if (name !== 'frame: Secure payment input frame') return name;
    return this.checkout.paymentFrame
      .locator(':root')
      .evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '');
  }

  /** Presses Tab (or Shift+Tab, `back`) until the control named `name` has focus. */
  async tabTo(name: string | RegExp, { back = false, max = 40 } = {}) {
    const path: string[] = [];
    for (let i = 0; i < max; i++) {
      await this.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const now = await this.focused();
      if (typeof name === 'string' ? now === name : name.test(now)) return;
      path.push(now);
    }
    throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${name}; focus went: ${path.join(' → ')}`);
  }

  async press(key: 'Enter' | 'Space' | 'Escape') {
    await this.keyboard.press(key);
  }

  async type(text: string) {
    await this.keyboard.type(text);
  }
}
