/**
 * Runs the classic script at `src`: a page's later code, its pinyin, its word data. Classic, not a
 * module, so that it loads from file:// too. Resolves once the script has run (a classic script
 * runs before its load event), rejects if it could not be loaded; its element is removed either way.
 */
export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src, async: true });
    script.onload = () => {
      script.remove();
      resolve();
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`Could not load ${src}`));
    };
    document.head.append(script);
  });
}
