/**
 * The headline as a hast tree, so the same plugins as the rows mark terms and add pinyin there:
 *
 *   <div class="headline">
 *     <h1 lang="zh-Hans"><span class="deck" data-deck="1">…</span>…</h1>
 *     <p class="title-en" lang="en"><span data-title="">…</span></p>
 *     <p class="headline-en" lang="en"><span class="deck" data-e="1">…</span></p>
 *   </div>
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { attr, CLASS, DATA } from './markup.ts';

export function headlineElement(decks: string[], title: string, englishDecks: { e: number; text: string }[]): Element {
  return h('div', { className: [CLASS.headline] }, [
    h(
      'h1',
      { lang: 'zh-Hans' },
      decks.map((d, k) => h('span', { className: [CLASS.deck], [attr(DATA.deck)]: k + 1 }, d)),
    ),
    h('p', { className: [CLASS.titleEn], lang: 'en' }, [h('span', { [attr(DATA.title)]: '' }, title)]),
    ...(englishDecks.length
      ? [
          h(
            'p',
            { className: [CLASS.headlineEn], lang: 'en' },
            englishDecks.map((l) => h('span', { className: [CLASS.deck], [attr(DATA.e)]: l.e }, l.text)),
          ),
        ]
      : []),
  ]);
}

/** The headline alone as a tree (tests, fixtures). */
export function headlineTree(decks: string[], title: string, englishDecks: { e: number; text: string }[]): Root {
  return { type: 'root', children: [headlineElement(decks, title, englishDecks)] };
}
