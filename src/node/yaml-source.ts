/**
 * YAML with line numbers, so a bad glossary entry is reported at the line of the bad field.
 * Uses eemeli/yaml's CST positions (https://eemeli.org/yaml/#linecounter).
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import { SourceError } from '../lib/errors.ts';

export interface YamlSource {
  data: unknown;
  /** 1-based line of the value at `path` (or of the nearest parent that exists; 1 at worst). */
  lineOf(path: (string | number)[]): number;
}

export function readYaml(source: string, file: string): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    let line = counter.linePos(err.pos[0]).line;
    // An unclosed quote is only noticed at the end of the file: point at the line that opens it.
    if (err.code === 'MISSING_CHAR' && /quote/i.test(err.message)) {
      const open = source.split(/\r?\n/).findIndex((l, k) => k < line && ((l.match(/"/g) ?? []).length % 2 === 1 || (l.match(/'/g) ?? []).length % 2 === 1));
      if (open >= 0) line = open + 1;
    }
    throw new SourceError(
      file,
      line,
      `this is not valid YAML: ${err.message.split('\n')[0]}`,
      'Check the indentation and quoting on that line; text with a colon or quotes is safest in "double quotes" or as a `|` block.',
    );
  }
  return {
    data: doc.toJS(),
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
      }
      return 1;
    },
  };
}
