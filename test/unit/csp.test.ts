import { describe, expect, it } from 'vitest';
import { hashSource, policyFor, withPolicy } from '../../src/integrations/csp.ts';

const MARK = 'f00dfeed';
const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}<title>t</title></head><body>${body}</body></html>`;
const policyOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)?.[1];

describe('hashSource', () => {
  it('hashes as the browser does, with CR LF and CR read as LF', () => {
    // The SHA-256 of nothing, the value every CSP hash tool gives for an empty script.
    expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(hashSource('a\r\nb\rc')).toBe(hashSource('a\nb\nc'));
  });
});

describe('withPolicy', () => {
  it('allows the marked inline scripts by hash, removes the mark and puts the policy first after the charset', () => {
    const { html, hashes, foreign } = withPolicy(page(`<script data-csp="${MARK}">go();</script>`, `<script data-csp="${MARK}">first();</script>`), MARK);
    expect(html.startsWith(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy"`)).toBe(true);
    expect(hashes.scripts).toEqual([hashSource('first();'), hashSource('go();')]);
    expect(foreign).toEqual([]);
    expect(html).not.toContain('data-csp');
    expect(html).toContain('<script>first();</script>');
    expect(policyOf(html)).toBe(
      `default-src 'self'; script-src 'self' ${hashSource('first();')} ${hashSource('go();')}; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'`,
    );
  });

  it('minifies the marked scripts and hashes them as they are written into the page', () => {
    const readable = `\n  (function () {\n    const answer = 40 + 2;\n    window.answer = answer;\n  })();\n`;
    const { html, hashes } = withPolicy(page(`<script data-csp="${MARK}">${readable}</script>`), MARK);
    const written = /<script>([^<]*)<\/script>/.exec(html)![1]!;
    expect(written.length).toBeLessThan(readable.length / 2);
    expect(written).not.toContain('\n');
    expect(hashes.scripts).toEqual([hashSource(written)]);
    expect(new Function(`const window = {}; ${written}; return window.answer;`)()).toBe(42);
  });

  it('leaves a script or style the site did not mark out of the policy, and reports it', () => {
    const hostile = `<p>a</p><script>window.__pwned = 1</script><style>body{display:none}</style><script data-csp="guessed">window.__pwned = 2</script>`;
    const { html, hashes, foreign } = withPolicy(page(hostile), MARK);
    expect(hashes).toEqual({ scripts: [], styles: [] });
    expect(foreign).toHaveLength(3);
    expect(policyOf(html)).not.toContain('sha256');
    expect(policyOf(html)).not.toContain('unsafe');
  });

  it('reads a <script> inside an attribute value as text, not as a script', () => {
    const { hashes, foreign } = withPolicy(
      page(`<div data-cite='{"title":"<script>window.__pwned = 1</script>"}' title="<style>"></div><script data-csp="${MARK}">go();</script>`),
      MARK,
    );
    expect(foreign).toEqual([]);
    expect(hashes.scripts).toEqual([hashSource('go();')]);
  });

  it('needs no hash for script files and data blocks', () => {
    const { hashes, foreign } = withPolicy(page('<script type="module" src="/_astro/a.js"></script><script type="application/json">{"a":1}</script>'), MARK);
    expect(hashes.scripts).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('hashes marked styles into style-src, each text once', () => {
    const { html } = withPolicy(page(`<style data-csp="${MARK}">p{}</style><style data-csp="${MARK}">p{}</style>`), MARK);
    expect(policyOf(html)).toContain(`style-src 'self' ${hashSource('p{}')};`);
  });

  it('leaves a page that has its policy already as it is', () => {
    const once = withPolicy(page(`<script data-csp="${MARK}">go();</script>`), MARK).html;
    expect(withPolicy(once, MARK).html).toBe(once);
  });

  it('writes its policy into a page whose content shows or smuggles in another', () => {
    const smuggled = `<div data-cite='{"title":"<meta http-equiv="content-security-policy" content="script-src *">"}'></div>`;
    const { html } = withPolicy(page(smuggled), MARK);
    expect(html).toMatch(/<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self';/);
  });

  it('puts the policy at the start of a page without <head>', () => {
    expect(withPolicy('<!doctype html><title>x</title>', MARK).html).toMatch(/^<!doctype html><meta http-equiv="content-security-policy"[^>]*><title>/);
  });
});

describe('policyFor', () => {
  it('forbids every other origin, plugins, <base> and foreign form targets', () => {
    expect(policyFor({ scripts: [], styles: [] })).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'",
    );
  });
});
