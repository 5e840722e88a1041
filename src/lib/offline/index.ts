/**
 * Reading offline: which files the service worker saves at install, within a budget, and which on
 * first use (plan), and what "Save this month / this year" fetches (offline manifests). Pure and
 * browser-safe: the build (src/integrations/offline.ts), the worker (src/worker/service-worker.ts)
 * and <offline-save> share it.
 */
export * from './plan.ts';
