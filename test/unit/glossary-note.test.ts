import { describe, expect, it } from 'vitest';
import { sanitizeNoteHtml } from '../../src/node/glossary-note.ts';

describe('sanitizeNoteHtml: a glossary note never runs code', () => {
  it('keeps paragraphs, emphasis, code, lists and http links', () => {
    const html =
      '<p>土 (<em>earth</em>), <strong>native</strong>; see <a href="https://example.org/x">a source</a> and <code>土法</code>.</p><ul><li>one</li></ul>';
    expect(sanitizeNoteHtml(html)).toBe(html);
  });

  it('removes scripts, iframes and styles, keeping no code of theirs', () => {
    const out = sanitizeNoteHtml('<p>a</p><script>window.__pwned=1</script><iframe src="https://x"></iframe><style>body{display:none}</style><p>b</p>');
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('removes event handlers and style attributes, keeping the element and its text', () => {
    expect(sanitizeNoteHtml('<p onclick="window.__pwned=1" style="color:red">text</p><details ontoggle="window.__pwned=2">more</details>')).toBe(
      '<p>text</p><details>more</details>',
    );
  });

  it('removes images, which a note never needs and which would be fetched from elsewhere', () => {
    expect(sanitizeNoteHtml('<p>a<img src="https://tracker.example/x.png" alt="x"><picture><source srcset="y.png"></picture></p>')).toBe('<p>a</p>');
  });

  it('drops javascript: and data: links, keeping their text', () => {
    expect(sanitizeNoteHtml('<p><a href="javascript:alert(1)">click</a> <a href="data:text/html,<b>x</b>">data</a></p>')).toBe(
      '<p><a>click</a> <a>data</a></p>',
    );
  });
});
