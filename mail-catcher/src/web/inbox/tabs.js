// The message's tabs (HTML, Text, Attachments, Source).

/**
 * Tabs as the WAI-ARIA pattern has them: one tab stop, arrow keys, Home and End move between tabs.
 * @param {HTMLElement} article
 * @param {(panelId: string) => void} onShow
 * @returns {(tab: HTMLButtonElement) => void} selects a tab, as a click does
 */
export function setUpTabs(article, onShow) {
  const tabs = /** @type {HTMLButtonElement[]} */ ([...article.querySelectorAll('[role="tab"]')]);
  /** @param {HTMLButtonElement} tab */
  const select = (tab) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      article.querySelector(`#${other.getAttribute('aria-controls')}`)?.toggleAttribute('hidden', !selected);
    }
    onShow(tab.getAttribute('aria-controls') ?? '');
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      const at = tabs.indexOf(tab);
      const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const target = tabs[(next + tabs.length) % tabs.length];
      if (!target) return;
      target.focus();
      select(target);
    });
  }
  return select;
}
