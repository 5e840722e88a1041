/**
 * Registers the site's service worker with the page, before the reader uses it: a page opened and
 * only read is still saved for offline use. The footer's <offline-status> (loaded at first use,
 * src/elements/on-first-use.ts) registers the same worker again, which the browser answers with
 * this registration, and says how the saving goes; the worker's messages wait for it
 * (`startMessages`). Service workers need a secure context and never run on file://.
 */
export function registerServiceWorker(status: HTMLElement | null): void {
  if (!status || location.protocol === 'file:' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  const sw = new URL(status.dataset.sw ?? 'sw.js', location.href);
  const scope = new URL(status.dataset.scope ?? './', location.href);
  // A failure is <offline-status>'s to report, when it registers again.
  navigator.serviceWorker.register(sw, { scope: scope.href }).catch(() => undefined);
}
