/**
 * The reader's view, one definition for every place that names it: the four layouts, pinyin on or
 * off, study mode (which side is hidden), the colour theme and the text size, as the switches offer
 * them (components/LayoutSwitch.astro, PinyinSwitch.astro, StudyMode.astro, ReadingSettings.astro),
 * the page keeps them (`<html data-layout data-pinyin data-study data-theme data-size>`, set before
 * first paint by layouts/Base.astro), the reader's browser remembers them (localStorage; not study
 * mode, which lasts for one page) and a passage link sets them for one visit
 * (`&layout=zh&pinyin=on&study=en`, lib/passage/url.ts). The CSS that draws them is in
 * styles/global.css (theme, size) and styles/reader.css (layout, pinyin, study).
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

/** Study mode: the side that is hidden until the reader reveals it (`off`: nothing hidden). */
export const STUDY = ['off', 'en', 'zh', 'pinyin'] as const;
export type Study = (typeof STUDY)[number];
export const STUDY_LABELS: Record<Study, string> = { off: 'Off', en: 'Hide English', zh: 'Hide Chinese', pinyin: 'Hide pinyin' };

/** `system` follows the device (prefers-color-scheme). */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Text sizes, smallest first; `m` is the browser's own size. The CSS scales the root font size. */
export const SIZES = ['s', 'm', 'l', 'xl'] as const;
export type Size = (typeof SIZES)[number];
export const SIZE_LABELS: Record<Size, string> = { s: 'Small', m: 'Normal', l: 'Large', xl: 'Larger' };

/** localStorage keys of the reader's own choices. */
export const STORAGE = { layout: 'duizhao:layout', pinyin: 'duizhao:pinyin', theme: 'duizhao:theme', size: 'duizhao:size' } as const;

const one =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

export const isLayout = one(LAYOUTS);
export const isPinyin = one(PINYIN);
export const isStudy = one(STUDY);
export const isTheme = one(THEMES);
export const isSize = one(SIZES);

/** Every setting of the view with its values, as `<html data-…>` names them. */
export const VIEW = { layout: LAYOUTS, pinyin: PINYIN, study: STUDY, theme: THEMES, size: SIZES } as const;
export type ViewKey = keyof typeof VIEW;

/** What a page shows when neither the reader nor the link chose. */
export const DEFAULTS: { [K in ViewKey]: (typeof VIEW)[K][number] } = { layout: 'side', pinyin: 'off', study: 'off', theme: 'system', size: 'm' };

/** The settings a passage link may set for one visit (lib/passage/url.ts); the others are the reader's. */
export const LINKED = ['layout', 'pinyin', 'study'] as const satisfies readonly ViewKey[];
