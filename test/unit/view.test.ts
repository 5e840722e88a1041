import { describe, expect, it } from 'vitest';
import { DEFAULTS, isLayout, isPinyin, isSize, isStudy, isTheme, LINKED, STORAGE, VIEW, type ViewKey } from '../../src/lib/passage/view.ts';

const GUARDS = { layout: isLayout, pinyin: isPinyin, study: isStudy, theme: isTheme, size: isSize } as const;

describe('the view settings', () => {
  it.each(Object.keys(VIEW) as ViewKey[])('accepts every value of %s and nothing else, prototype names included', (key) => {
    const guard = GUARDS[key];
    for (const value of VIEW[key]) expect(guard(value), value).toBe(true);
    for (const junk of ['', 'toString', '__proto__', 'constructor', 'SIDE', ' on', null, undefined, 1, ['en'], {}]) {
      expect(guard(junk), String(junk)).toBe(false);
    }
  });

  it('defaults each setting to one of its own values: side by side, no pinyin, no study mode, the system theme, the normal size', () => {
    for (const key of Object.keys(VIEW) as ViewKey[]) expect(GUARDS[key](DEFAULTS[key]), key).toBe(true);
    expect(DEFAULTS).toEqual({ layout: 'side', pinyin: 'off', study: 'off', theme: 'system', size: 'm' });
  });

  it('lets a passage link set the layout, pinyin and study mode, but not the reader’s theme or text size', () => {
    expect([...LINKED].sort()).toEqual(['layout', 'pinyin', 'study']);
  });

  it('remembers every setting but study mode, each under its own duizhao: key', () => {
    expect(Object.keys(STORAGE).sort()).toEqual(['layout', 'pinyin', 'size', 'theme']);
    expect(new Set(Object.values(STORAGE)).size).toBe(4);
    for (const [key, name] of Object.entries(STORAGE)) expect(name).toBe(`duizhao:${key}`);
  });
});
