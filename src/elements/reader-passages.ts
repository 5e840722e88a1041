/**
 * <reader-passages>: what a teacher does with passages.
 * - `#p5`, `#p3-p5`, `#p2,p5-p7`, `#p5.2` (lib/passage/url.ts) highlight rows or sentences and
 *   scroll to the first; `&layout=…&pinyin=…` set the view for this visit (not remembered).
 * - Each row gets a link button (copies its URL); shift-click on a second row number makes a
 *   range; selecting text over rows, or clicking a sentence, offers that passage.
 * - The passage bar: Copy link · Cite · Copy passage · Print passage.
 * - Sentences: hovering or focusing one highlights its counterpart in the other language. They
 *   stay out of the Tab order (hundreds of stops); from a row number, → and ← step through the
 *   sentences of the page, Esc goes back to the row number.
 * - Printing: glossary footnotes are numbered for what is printed.
 * The page reads fine without it: row numbers are plain links and :target highlights one row.
 */
import { chicagoCitation, type CitationInput } from '../lib/passage/citation.ts';
import { anchorId, formatPassage, inRange, parseAnchor, parsePassage, passageLabel, type Anchor, type AnchorRange, type Passage } from '../lib/passage/url.ts';
import { copyText } from './clipboard.ts';

type CiteData = Omit<CitationInput, 'passage' | 'url' | 'accessed'>;

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const anchorOf = (id: string | undefined): Anchor | null => parseAnchor(id ?? '');

export class ReaderPassages extends HTMLElement {
  #current: Passage = { ranges: [], params: {} };
  #candidate: AnchorRange[] = [];
  #lastRow: number | null = null;
  #bar!: HTMLElement;
  #label!: HTMLElement;
  #status!: HTMLElement;
  #dialog!: HTMLDialogElement;
  #cite!: CiteData;
  #lit: Element[] = [];
  #abort = new AbortController();

  connectedCallback() {
    this.#cite = JSON.parse(this.dataset.cite ?? '{}') as CiteData;
    this.#buildControls();
    const signal = this.#abort.signal;
    window.addEventListener('hashchange', () => this.#fromHash(true), { signal });
    document.addEventListener('selectionchange', () => this.#fromSelection(), { signal });
    window.addEventListener('beforeprint', () => this.#footnotes(), { signal });
    window.addEventListener('afterprint', () => document.documentElement.classList.remove('print-passage'), { signal });
    this.addEventListener('click', (e) => this.#onClick(e), { signal });
    this.addEventListener('pointerover', (e) => this.#lightSentence(e.target as Element), { signal });
    this.addEventListener('focusin', (e) => this.#onFocus(e.target as Element), { signal });
    this.addEventListener('keydown', (e) => this.#onKey(e), { signal });
    this.#fromHash(true);
  }

  disconnectedCallback() {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  // ---------- the passage named by the address

  #fromHash(scroll: boolean) {
    const passage = parsePassage(location.hash);
    this.#current = passage;
    const root = document.documentElement;
    if (passage.layout) {
      root.dataset.layout = passage.layout;
      const radio = document.querySelector<HTMLInputElement>(`input[name="layout"][value="${passage.layout}"]`);
      if (radio) radio.checked = true;
    }
    if (passage.pinyin) {
      root.dataset.pinyin = passage.pinyin;
      const box = document.querySelector<HTMLInputElement>('input[name="pinyin"]');
      if (box) box.checked = passage.pinyin === 'on';
    }
    this.#highlight(passage.ranges);
    this.#candidate = passage.ranges;
    this.#showBar();
    if (scroll && passage.ranges.length) {
      const first = document.getElementById(anchorId(passage.ranges[0]!.from));
      first?.closest('.row')?.scrollIntoView({ block: 'start' });
      if (first && first.id !== first.closest('.row')?.id) first.scrollIntoView({ block: 'center' });
    }
  }

  /** Marks rows (and, for sentence ranges, sentences with their counterparts) as in the passage. */
  #highlight(ranges: AnchorRange[]) {
    for (const el of this.querySelectorAll('.in-passage')) el.classList.remove('in-passage');
    if (!ranges.length) return;
    for (const row of this.querySelectorAll<HTMLElement>('.row')) {
      const nums = [...row.querySelectorAll<HTMLElement>('p[data-n]')].map((p) => Number(p.dataset.n));
      if (nums.some((n) => ranges.some((r) => inRange({ n }, r)))) row.classList.add('in-passage');
    }
    const sentenceRanges = ranges.filter((r) => r.from.s !== undefined || r.to.s !== undefined);
    if (!sentenceRanges.length) return;
    for (const s of this.querySelectorAll<HTMLElement>('.cell.zh .s[data-s]')) {
      const a = anchorOf(s.dataset.s);
      if (a && sentenceRanges.some((r) => inRange(a, r))) {
        s.classList.add('in-passage');
        for (const partner of this.#partners(s)) partner.classList.add('in-passage');
      }
    }
  }

  // ---------- clicks: row links, shift-click ranges, bar buttons

  #onClick(event: MouseEvent) {
    const target = event.target as Element;
    const copy = target.closest<HTMLButtonElement>('button.row-link');
    if (copy) {
      const row = copy.closest<HTMLElement>('.row')!;
      void this.#copy(this.#url(`#${row.id}`), 'Link copied');
      return;
    }
    const pn = target.closest<HTMLAnchorElement>('a.pn');
    if (pn) {
      const n = Number(pn.textContent);
      if (event.shiftKey && this.#lastRow !== null && this.#lastRow !== n) {
        event.preventDefault();
        const [a, b] = this.#lastRow < n ? [this.#lastRow, n] : [n, this.#lastRow];
        history.pushState(null, '', formatPassage({ ...this.#current, ranges: [{ from: { n: a }, to: { n: b } }] }));
        this.#fromHash(false);
      } else this.#lastRow = n;
    }
  }

  // ---------- selection and sentences offer a passage without changing the address

  #fromSelection() {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return;
    const range = sel.getRangeAt(0);
    if (!this.contains(range.commonAncestorContainer)) return;
    const rows = [...this.querySelectorAll<HTMLElement>('.row')].filter((r) => range.intersectsNode(r) && r.querySelector('p[data-n]'));
    if (!rows.length) return;
    const first = Number(rows[0]!.querySelector<HTMLElement>('p[data-n]')!.dataset.n);
    const lastRow = rows[rows.length - 1]!;
    const nums = [...lastRow.querySelectorAll<HTMLElement>('p[data-n]')];
    const last = Number(nums[nums.length - 1]!.dataset.n);
    this.#candidate = [{ from: { n: first }, to: { n: last } }];
    this.#showBar();
  }

  #onFocus(target: Element) {
    this.#lightSentence(target);
    // Only a sentence itself (clicked or focused), not a glossary mark inside it, offers a passage.
    const s = target.matches('.cell.zh .s[id]') ? (target as HTMLElement) : null;
    const a = anchorOf(s?.id);
    if (a) {
      this.#candidate = [{ from: a, to: a }];
      this.#showBar();
    }
  }

  /** Arrow keys from a row number or a sentence move through the Chinese sentences. */
  #onKey(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const onPn = target.matches('a.pn');
    const onS = target.matches('.cell.zh .s[id]');
    if (!onPn && !onS) return;
    const all = [...this.querySelectorAll<HTMLElement>('.cell.zh .s[id]')];
    let next: HTMLElement | undefined;
    if (event.key === 'Escape' && onS) next = target.closest('.row')?.querySelector<HTMLElement>('a.pn') ?? undefined;
    else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      next = onPn ? (document.getElementById(`p${target.textContent}.1`) ?? undefined) : all[all.indexOf(target) + 1];
    } else if ((event.key === 'ArrowLeft' || event.key === 'ArrowUp') && onS) next = all[all.indexOf(target) - 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  #partners(s: HTMLElement): HTMLElement[] {
    const ids = (s.dataset.s ?? '').split(' ').filter(Boolean);
    const row = s.closest('.row');
    if (!ids.length || !row) return [];
    return [...row.querySelectorAll<HTMLElement>('.s[data-s]')].filter((o) => o !== s && o.dataset.s!.split(' ').some((x) => ids.includes(x)));
  }

  #lightSentence(target: Element) {
    const s = target.closest?.<HTMLElement>('.s[data-s]');
    for (const el of this.#lit) el.classList.remove('s-lit');
    this.#lit = s ? [s, ...this.#partners(s)] : [];
    for (const el of this.#lit) el.classList.add('s-lit');
  }

  // ---------- the bar

  #buildControls() {
    for (const num of this.querySelectorAll<HTMLElement>('.row .num')) {
      const row = num.closest<HTMLElement>('.row')!;
      if (!row.id.startsWith('p') || num.querySelector('.row-link')) continue;
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'row-link';
      b.setAttribute('aria-label', `Copy link to paragraph ${row.id.slice(1)}`);
      b.title = 'Copy link to this paragraph';
      b.textContent = '#';
      num.append(b);
    }
    this.#bar = document.createElement('div');
    this.#bar.className = 'passage-bar';
    this.#bar.hidden = true;
    this.#bar.setAttribute('role', 'region');
    this.#bar.setAttribute('aria-label', 'Passage');
    this.#bar.innerHTML = `<span class="pb-label"></span>
      <button type="button" data-act="link">Copy link</button>
      <button type="button" data-act="cite">Cite</button>
      <button type="button" data-act="copy">Copy passage</button>
      <button type="button" data-act="print">Print passage</button>
      <button type="button" data-act="close" aria-label="Close">×</button>
      <span class="pb-status" role="status" aria-live="polite"></span>`;
    this.#label = this.#bar.querySelector('.pb-label')!;
    this.#status = this.#bar.querySelector('.pb-status')!;
    this.#bar.addEventListener('click', (e) => {
      const act = (e.target as Element).closest<HTMLElement>('[data-act]')?.dataset.act;
      if (act === 'link') void this.#copy(this.#url(this.#fragment()), 'Link copied');
      else if (act === 'cite') this.#openCite();
      else if (act === 'copy') void this.#copy(this.#passageText(), 'Passage copied');
      else if (act === 'print') this.#printPassage();
      else if (act === 'close') {
        this.#candidate = [];
        this.#bar.hidden = true;
      }
    });
    this.append(this.#bar);
    this.#dialog = document.createElement('dialog');
    this.#dialog.className = 'cite-dialog';
    this.#dialog.setAttribute('aria-labelledby', 'cite-title');
    this.#dialog.innerHTML = `<h2 id="cite-title">Cite this passage</h2><p class="cite-text"></p>
      <form method="dialog" class="cite-actions"><button type="button" data-act="copy-cite">Copy citation</button><button>Close</button><span role="status" aria-live="polite"></span></form>`;
    this.#dialog.querySelector('[data-act="copy-cite"]')!.addEventListener('click', async () => {
      const ok = await copyText(this.#citation());
      this.#dialog.querySelector('[role="status"]')!.textContent = ok ? 'Citation copied' : 'Copy failed: select the text and copy it';
    });
    this.append(this.#dialog);
  }

  #showBar() {
    if (!this.#candidate.length) {
      this.#bar.hidden = true;
      return;
    }
    this.#label.textContent = passageLabel({ ranges: this.#candidate });
    this.#status.textContent = '';
    this.#bar.hidden = false;
  }

  #fragment(): string {
    return formatPassage({ ...this.#current, ranges: this.#candidate });
  }

  #url(fragment: string): string {
    return `${location.href.replace(/#.*$/, '')}${fragment}`;
  }

  #citation(ranges: AnchorRange[] = this.#candidate): string {
    const fragment = ranges.length ? formatPassage({ ...this.#current, ranges }) : '';
    return chicagoCitation({ ...this.#cite, passage: ranges.length ? passageLabel({ ranges }) : '', url: this.#url(fragment), accessed: today() });
  }

  /** Source and address in every printed page's footer (CSS page margin boxes take a string). */
  #pageFooter(text: string) {
    let style = document.getElementById('print-footer');
    if (!style) {
      style = document.createElement('style');
      style.id = 'print-footer';
      document.head.append(style);
    }
    style.textContent = `@page { @bottom-left { content: ${JSON.stringify(text)}; font: 7pt/1.3 sans-serif; color: #555; vertical-align: top; } }`;
  }

  #openCite() {
    this.#dialog.querySelector('.cite-text')!.textContent = this.#citation();
    this.#dialog.querySelector('[role="status"]')!.textContent = '';
    this.#dialog.showModal();
  }

  /** Chinese, then English, then the citation and the URL. */
  #passageText(): string {
    const zh: string[] = [];
    const en: string[] = [];
    const sentenceLevel = this.#candidate.some((r) => r.from.s !== undefined);
    if (sentenceLevel) {
      this.#sentencesOf((s) => zh.push(s.textContent ?? ''), (s) => en.push((s.textContent ?? '').trim()));
    } else {
      for (const row of this.#rowsOf(this.#candidate)) {
        for (const p of row.querySelectorAll('.cell.zh p[data-n]')) zh.push(p.textContent ?? '');
        for (const p of row.querySelectorAll('.cell.en p[data-e]')) en.push(p.textContent ?? '');
      }
    }
    return [zh.join('\n'), en.join('\n'), this.#citation(), this.#url(this.#fragment())].join('\n\n');
  }

  #sentencesOf(onZh: (s: Element) => void, onEn: (s: Element) => void) {
    const seen = new Set<Element>();
    for (const s of this.querySelectorAll<HTMLElement>('.cell.zh .s[data-s]')) {
      const a = anchorOf(s.dataset.s);
      if (!a || !this.#candidate.some((r) => inRange(a, r))) continue;
      onZh(s);
      for (const p of this.#partners(s)) if (!seen.has(p)) {
        seen.add(p);
        onEn(p);
      }
    }
  }

  #rowsOf(ranges: AnchorRange[]): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>('.row')].filter((row) =>
      [...row.querySelectorAll<HTMLElement>('p[data-n]')].some((p) => ranges.some((r) => inRange({ n: Number(p.dataset.n) }, r))),
    );
  }

  async #copy(text: string, done: string) {
    const ok = await copyText(text);
    this.#status.textContent = ok ? done : 'Copy failed: your browser refused';
    if (this.#bar.hidden) {
      this.#label.textContent = '';
      this.#bar.hidden = false;
    }
  }

  #printPassage() {
    this.#highlight(this.#candidate);
    document.documentElement.classList.add('print-passage');
    window.print();
  }

  // ---------- print: number the glossary footnotes of what will be printed

  #footnotes() {
    const list = this.querySelector<HTMLOListElement>('.print-notes ol');
    const cite = this.querySelector<HTMLElement>('.print-cite');
    const passageOnly = document.documentElement.classList.contains('print-passage');
    // Printing the whole page cites the whole article, whatever the address highlights.
    const citation = passageOnly ? this.#citation() : this.#citation([]);
    if (cite) cite.textContent = citation;
    const ranges = passageOnly ? this.#candidate : [];
    this.#pageFooter(
      `《人民日报》 People’s Daily, ${this.#cite.date}, page ${this.#cite.page}${ranges.length ? `, ${passageLabel({ ranges })}` : ''} · ${this.#url(ranges.length ? formatPassage({ ...this.#current, ranges }) : '')}`,
    );
    for (const row of this.querySelectorAll<HTMLElement>('.row')) {
      // About half an A4 page of text: past that, keeping the row whole leaves big gaps.
      row.classList.toggle('print-may-split', (row.textContent ?? '').length > 1200);
    }
    if (!list) return;
    const numbers = new Map<string, number>();
    for (const ref of this.querySelectorAll<HTMLElement>('.fn-ref')) ref.removeAttribute('data-fn');
    for (const mark of this.querySelectorAll<HTMLElement>('.headline a.term:not(.term-en), .row a.term:not(.term-en)')) {
      if (passageOnly && !mark.closest('.row.in-passage')) continue;
      const id = mark.dataset.term!;
      if (numbers.has(id)) continue;
      numbers.set(id, numbers.size + 1);
      const ref = mark.nextElementSibling?.classList.contains('fn-ref') ? (mark.nextElementSibling as HTMLElement) : null;
      ref?.setAttribute('data-fn', String(numbers.size));
    }
    list.replaceChildren(
      ...[...numbers].map(([id]) => {
        const pop = document.getElementById(`pop-${id}`);
        const li = document.createElement('li');
        li.innerHTML = `<span lang="zh-Hans"></span> <span class="py"></span> — <span class="gloss"></span>`;
        li.children[0]!.textContent = pop?.querySelector('.tp-hanzi')?.textContent ?? '';
        li.children[1]!.textContent = pop?.querySelector('.tp-pinyin')?.textContent ?? '';
        li.children[2]!.textContent = pop?.querySelector('.tp-gloss')?.textContent ?? '';
        return li;
      }),
    );
  }
}

if (!customElements.get('reader-passages')) customElements.define('reader-passages', ReaderPassages);
