/**
 * Registers the site's service worker with the page, before the reader uses it: a page opened and
 * only read is still saved for offline use. The footer's <offline-status> (loaded at first use,
 * src/elements/on-first-use.ts) registers the same worker again, which the browser answers with
 * this registration, and says how the saving goes; the worker's messages wait for it
 * (`startMessages`). The page also tells the worker it opened, as <offline-status> does. Service workers need a secure context and never run on file://.
 */
export function registerServiceWorker(status: HTMLElement | null): void {
  if (!status || location.protocol === 'file:' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  const sw = new URL(status.dataset.sw ?? 'sw.js', location.href);
  const scope = new URL(status.dataset.scope ?? './', location.href);
  // A failure is <offline-status>'s to report, when it registers again.
  navigator.serviceWorker.register(sw, { scope: scope.href }).catch(() => undefined);
  // A page opened: the worker drops the caches of pages now closed and goes on with a save that was
  // cut short (src/worker/service-worker.ts). Its answer waits in the page's message queue for
  // <offline-status>, which starts the queue.
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'duizhao:status?' }));
}
