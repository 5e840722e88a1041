/**
 * Reading offline: which files the service worker saves at install, within a budget, and which on
 * first use (plan), and what "Save this month / this year" fetches (offline manifests); how the
 * worker keeps its caches whole through rebuilds, full disks and cut networks (upkeep). Pure and
 * browser-safe: the build (src/integrations/offline.ts), the worker (src/worker/) and
 * <offline-save> share it.
 */
export * from './plan.ts';
export * from './upkeep.ts';
