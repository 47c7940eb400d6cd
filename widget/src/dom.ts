// The ways the widget adds to a page: scripts, and the two ways it styles what it puts on a promoter's page, neither of which a strict
// Content-Security-Policy (style-src without 'unsafe-inline') blocks.

/** Adds `text` to the styles of `root`; browsers without constructed stylesheets (Safari before 16.4) get a <style>. */
export function addStyles(root: Document | ShadowRoot, text: string): void {
  if ('replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = text;
    (root instanceof Document ? root.head : root).prepend(style);
  }
}

/**
 * Sets inline styles as `!important`, which beats every rule of the host page, `!important` ones
 * included: for the few nodes that must live in the page's light DOM.
 */
export function pin(el: HTMLElement, styles: Record<string, string>): void {
  for (const name in styles) el.style.setProperty(name, styles[name] ?? '', 'important');
}

/** Adds the script at `src` to the page; resolves once it has run. Callers skip it when what it defines is there. */
export const inject = (src: string) =>
  new Promise((onload, onerror) => {
    document.head.append(Object.assign(document.createElement('script'), { src, onload, onerror }));
  });
