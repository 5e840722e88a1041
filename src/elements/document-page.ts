/**
 * The document page's elements that wait for the reader's first use (pages/[...doc].astro loads
 * this module through on-first-use.ts): one chunk, so the first use costs one request.
 */
import './pinyin-switch.ts';
import './layout-switch.ts';
import './passage-bar.ts';
import './archive-step.ts';
import './reader-terms.ts';
import './reader-passages.ts';
import './reader-sentences.ts';
import './reader-print.ts';
import './study-mode.ts';
import './word-lookup.ts';
import './word-list.ts';
