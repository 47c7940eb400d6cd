// Runs in the benchmarked page before any of its scripts (bench:widget adds it as an init script): marks,
// on the page's clock, when a shadow root first holds a tier group ("Early bird tickets") and the
// animation frame that follows, the one that paints it.
(() => {
  const marks = {};
  window.__bench = marks;
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    const observer = new MutationObserver(() => {
      if (marks.tiersInDom !== undefined || !root.querySelector('[aria-label$=" tickets"]')) return;
      marks.tiersInDom = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        marks.firstFrame = performance.now();
      });
    });
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
})();
