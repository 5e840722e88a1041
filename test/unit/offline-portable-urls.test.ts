import { describe, expect, it } from 'vitest';
import { relativeTo, rewriteCss, rewriteHtml, rewriteScriptRoot, rootPrefix, rootScript } from '../../src/integrations/portable-urls.ts';

const R = '/__duizhao_root__/';

describe('relative URLs for the portable build', () => {
  it('climbs one level per folder between a page and the root', () => {
    expect(rootPrefix('index.html')).toBe('./');
    expect(rootPrefix('glossary/index.html')).toBe('../');
    expect(rootPrefix('1958-09-25/p1/copper-and-aluminum/index.html')).toBe('../../../');
  });

  it('adds index.html to a directory link, because file:// shows a listing for a folder', () => {
    expect(relativeTo('glossary/lv/index.html', '', true)).toBe('../../index.html');
    expect(relativeTo('glossary/lv/index.html', 'glossary/', true)).toBe('../../glossary/index.html');
    expect(relativeTo('index.html', 'glossary/', true)).toBe('glossary/index.html');
  });

  it('keeps a fragment and a query after the added index.html', () => {
    expect(relativeTo('glossary/lv/index.html', '1958-09-25/p1/x/#p5', true)).toBe('../../1958-09-25/p1/x/index.html#p5');
    expect(relativeTo('index.html', 'search/?q=%E9%93%9D', true)).toBe('search/index.html?q=%E9%93%9D');
  });

  it('leaves files and non-link values (a base for scripts) without index.html', () => {
    expect(relativeTo('glossary/index.html', '_astro/a.css', true)).toBe('../_astro/a.css');
    expect(relativeTo('glossary/index.html', '', false)).toBe('../');
    expect(relativeTo('index.html', '', false)).toBe('./');
  });
});

describe('rewriteHtml', () => {
  const page = [
    '<html><head><link rel="stylesheet" href="' + R + '_astro/a.css"><style>b{background:url(' + R + 'i.svg)}</style></head>',
    '<body><a href="' + R + '">home</a> <a href="#p5">row</a> <a href="' + R + 'glossary/lv/#x">lv</a>',
    '<form action="' + R + 'search/"></form><site-search data-base="' + R + '" data-src="' + R + 'search-index/site-search.js?v=1"></site-search>',
    '<p>Cited as ' + R + '1958-09-25/p1/x/</p><script>var u="' + R + 'sw.js"</script></body></html>',
  ].join('');
  const out = rewriteHtml(page, 'glossary/lv/index.html');

  it('makes every attribute that starts at the root relative to the page', () => {
    expect(out).toContain('href="../../_astro/a.css"');
    expect(out).toContain('href="../../index.html"');
    expect(out).toContain('href="../../glossary/lv/index.html#x"');
    expect(out).toContain('action="../../search/index.html"');
    expect(out).toContain('data-base="../../"');
    expect(out).toContain('data-src="../../search-index/site-search.js?v=1"');
  });

  it('leaves in-page links alone', () => {
    expect(out).toContain('href="#p5"');
  });

  it('rewrites inline styles and scripts, and prints a path in text as from the root', () => {
    expect(out).toContain('url(../../i.svg)');
    expect(out).toContain('var u=(self.__duizhaoRoot+"sw.js")');
    expect(out).toContain('Cited as /1958-09-25/p1/x/');
    expect(out).not.toContain(R);
  });

  it('stops the build on a placeholder it cannot place, naming the file', () => {
    expect(() => rewriteHtml(`<a title="see ${R}x">x</a>`, 'a/index.html')).toThrow(/a\/index\.html still contains the base path placeholder/);
  });
});

describe('rewriteScriptRoot', () => {
  it('turns template and quoted strings that start at the root into expressions on the runtime root', () => {
    expect(rewriteScriptRoot('f(`' + R + 'sw.js`)')).toBe('f(`${self.__duizhaoRoot}sw.js`)');
    expect(rewriteScriptRoot("a='" + R + '\';b="' + R + 'x\\"y"')).toBe('a=(self.__duizhaoRoot+\'\');b=(self.__duizhaoRoot+"x\\"y")');
  });

  it('refuses a root path in the middle of a string', () => {
    expect(() => rewriteScriptRoot('x="see ' + R + '"')).toThrow(/inside a longer string/);
  });

  it('sets the root from the page depth before any other script', () => {
    expect(rootScript('glossary/index.html')).toBe('<script>self.__duizhaoRoot=new URL("../",location.href).href</script>');
  });
});

describe('rewriteCss', () => {
  it('resolves url() from the stylesheet’s own folder', () => {
    expect(rewriteCss(`a{background:url("${R}favicon.svg")}`, '_astro/Base.css')).toBe('a{background:url("../favicon.svg")}');
  });
});
