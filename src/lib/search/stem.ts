/**
 * English inflections for search: the first step of the Porter stemmer, which removes plural,
 * past and -ing endings and nothing derivational, so `smelt`, `smelts`, `smelted`, `smelting` all
 * become `smelt` and `mine`, `mines`, `mined`, `mining` all become `mine`, while `miner`, `mineral`
 * and `production` keep their own stems. FlexSearch's English stemmer strips suffixes without
 * Porter's conditions (`mining` → `min`, `mine` → `mine`), so inflected forms would not meet.
 * https://tartarus.org/martin/PorterStemmer/def.txt (step 1a, 1b, 1c)
 *
 * Input is a folded word (lower case, no accents). Digits and words of one or two letters are kept.
 */

const VOWEL = /[aeiou]/;

function isConsonant(w: string, i: number): boolean {
  const c = w[i]!;
  if (VOWEL.test(c)) return false;
  if (c === 'y') return i === 0 || !isConsonant(w, i - 1);
  return true;
}

/** Porter's m: the number of vowel–consonant sequences in `w`. */
function measure(w: string): number {
  let m = 0;
  let i = 0;
  const n = w.length;
  while (i < n && isConsonant(w, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(w, i)) i++;
    if (i >= n) break;
    m++;
    while (i < n && isConsonant(w, i)) i++;
  }
  return m;
}

function hasVowel(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isConsonant(w, i)) return true;
  return false;
}

/** Ends consonant–vowel–consonant, the last not w, x or y (`hop`, not `hoop`). */
function cvc(w: string): boolean {
  const n = w.length;
  if (n < 3) return false;
  return isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1) && !/[wxy]/.test(w[n - 1]!);
}

function doubleConsonant(w: string): boolean {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

export function stem(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  // 1a: plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (!w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.endsWith('s')) w = w.slice(0, -1);
  // 1b: past and present participles.
  let restore = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    restore = true;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    restore = true;
  }
  if (restore) {
    if (/(at|bl|iz)$/.test(w)) w += 'e';
    else if (doubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && cvc(w)) w += 'e';
  }
  // 1c: a final y after a vowel-bearing stem meets its -ies plural (`copy`, `copies` → `copi`).
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  return w;
}
