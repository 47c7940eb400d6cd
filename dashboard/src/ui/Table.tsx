import type { ComponentChildren } from 'preact';

/**
 * A data table that scrolls sideways inside its own box on a phone rather than widening the page.
 * The caption names it for screen readers (visually hidden unless `showCaption`).
 */
export function Table({
  caption,
  showCaption = false,
  children,
}: {
  caption: string;
  showCaption?: boolean;
  children: ComponentChildren;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section class="table-scroll" tabIndex={0} aria-label={caption}>
      <table class="table">
        <caption class={showCaption ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
        {children}
      </table>
    </section>
  );
}
