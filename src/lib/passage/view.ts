/**
 * The reader's view, one definition for every place that names it: the four layouts and pinyin
 * on or off, as the switches offer them (components/LayoutSwitch.astro, PinyinSwitch.astro), the
 * page keeps them (`<html data-layout data-pinyin>`, set before first paint by layouts/Base.astro),
 * the reader's browser remembers them (localStorage) and a passage link sets them for one visit
 * (`&layout=zh&pinyin=on`, lib/passage/url.ts). The CSS that draws each layout is in
 * styles/global.css.
 */
export const LAYOUTS = ['side', 'interleaved', 'zh', 'en'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** How the layout switch names each layout: its label, and a short one for narrow screens. */
export const LAYOUT_LABELS: Record<Layout, { label: string; short: string }> = {
  side: { label: 'Side by side', short: 'Both' },
  interleaved: { label: 'Interleaved', short: 'Mixed' },
  zh: { label: 'Chinese only', short: '中文' },
  en: { label: 'English only', short: 'English' },
};

export const PINYIN = ['on', 'off'] as const;
export type Pinyin = (typeof PINYIN)[number];

/** localStorage keys of the reader's own choices. */
export const STORAGE = { layout: 'duizhao:layout', pinyin: 'duizhao:pinyin' } as const;

export function isLayout(value: unknown): value is Layout {
  return typeof value === 'string' && (LAYOUTS as readonly string[]).includes(value);
}

export function isPinyin(value: unknown): value is Pinyin {
  return value === 'on' || value === 'off';
}
