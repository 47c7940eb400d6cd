import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { TEST_CARDS } from './support/cards.ts';

// A right-to-left override (U+202E) in a promoter's text must stay inside that text: without
// isolation it reverses whatever follows it on the line, here the date of the event.

const RLO = '\u202E';

/**
 * How the run of text `text` sits in its line: inside an isolated element (<bdi>, or
 * `unicode-bidi: isolate`), and whether the date after it is a run of its own that still reads left
 * to right (its first character drawn left of its last).
 */
function isolation(line: Locator, text: string) {
  return line.evaluate((p, text) => {
    const isolated = (el: Element | null) => {
      for (let node = el; node && node !== p; node = node.parentElement) {
        if (getComputedStyle(node).unicodeBidi === 'isolate') return node;
      }
      return null;
    };
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let holder: Element | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.includes(text)) holder = node.parentElement;
    }
    const own = isolated(holder);
    const time = p.querySelector('time');
    const dateText = time?.firstChild;
    const x = (offset: number) => {
      const range = document.createRange();
      range.setStart(dateText as Text, offset);
      range.setEnd(dateText as Text, offset + 1);
      return range.getBoundingClientRect().left;
    };
    const length = dateText?.textContent?.length ?? 0;
    return {
      textIsolated: own !== null,
      dateOutsideIt: !!time && !!own && !own.contains(time),
      dateIsolated: !!time && isolated(time) === time,
      dateReadsLeftToRight: length > 1 && x(0) < x(length - 1),
    };
  }, text);
}

const ALL_TRUE = { textIsolated: true, dateOutsideIt: true, dateIsolated: true, dateReadsLeftToRight: true };

test('an override character in the venue’s city reverses neither the date nor anything else', async ({
  checkout,
  promoterBackend,
}) => {
  const event = await promoterBackend.putEventOnSale({
    title: `${RLO}Bidi night`,
    venue: { name: `${RLO}Strange Brew`, city: `${RLO}Bristol`, timezone: 'Europe/London' },
  });
  await checkout.open('/', { ...event, title: 'Bidi night' });
  const header = checkout.widget.getByRole('paragraph').filter({ hasText: 'Bristol' }).first();
  expect(await isolation(header, 'Bristol')).toEqual(ALL_TRUE);
  expect(await isolation(header, 'Strange Brew')).toEqual(ALL_TRUE);

  await checkout.choose('Early bird', 1);
  await checkout.continueWith('ada@example.com');
  await checkout.pay(TEST_CARDS.visa);
  await expect(checkout.confirmation).toBeVisible();
  const line = checkout.widget.getByRole('paragraph').filter({ hasText: 'Bristol' }).last();
  expect(await isolation(line, 'Bristol')).toEqual(ALL_TRUE);
  // The title in the heading is isolated too: "You're going to" stays where it is.
  const heading = await checkout.confirmation.evaluate((h) => {
    const title = h.querySelector('bdi');
    return { isolated: !!title && getComputedStyle(title).unicodeBidi === 'isolate', text: h.textContent };
  });
  expect(heading).toEqual({ isolated: true, text: `You're going to ${RLO}Bidi night` });
});
