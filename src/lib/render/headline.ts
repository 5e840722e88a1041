/**
 * The headline as a hast tree, so the same plugins as the rows mark terms and add pinyin there:
 *
 *   <div class="headline">
 *     <h1 lang="zh-Hans"><span class="deck" data-deck="1">…</span>…</h1>
 *     <p class="title-en" lang="en"><span data-title="">…</span></p>
 *     <p class="headline-en" lang="en"><span class="deck" data-e="1">…</span></p>
 *   </div>
 */
import type { Root } from 'hast';
import { h } from 'hastscript';

export function headlineTree(decks: string[], title: string, englishDecks: { e: number; text: string }[]): Root {
  return {
    type: 'root',
    children: [
      h('div', { className: ['headline'] }, [
        h('h1', { lang: 'zh-Hans' }, decks.map((d, k) => h('span', { className: ['deck'], dataDeck: k + 1 }, d))),
        h('p', { className: ['title-en'], lang: 'en' }, [h('span', { dataTitle: '' }, title)]),
        ...(englishDecks.length
          ? [h('p', { className: ['headline-en'], lang: 'en' }, englishDecks.map((l) => h('span', { className: ['deck'], dataE: l.e }, l.text)))]
          : []),
      ]),
    ],
  };
}
