import { expect, it } from 'vitest';
import { readGold, scoreHeads, scoreSentences, share, type HeadGold, type Score, type SentenceGold } from '../../scripts/align-gold.ts';
import { CORPUS_DIR, describeCorpus } from './support/corpus.ts';

// The hand-made gold of test/fixtures/gold/ (see its README), scored as `npm run align:report --
// --gold` scores it. Every miss is listed, so a failure says which row of which document moved.
const misses = (score: Score) => score.misses.map((m) => `${m.file} ${m.what}: expected ${m.expected}, found ${m.found}`);

describeCorpus('the gold alignments', () => {
  it('gets every headline and row of the 63 documents with bylines, decks and kickers right (heads.json)', () => {
    const gold = readGold<HeadGold>('heads.json');
    expect(gold.length).toBeGreaterThanOrEqual(40);
    const score = scoreHeads(CORPUS_DIR, gold);
    expect(misses(score), share(score)).toEqual([]);
    expect(score.right).toBe(score.total);
  });

  it('gives the English sentences of at least 100 hand-checked rows their Chinese sentences, but for two known misses (sentences.json)', () => {
    const gold = readGold<SentenceGold>('sentences.json');
    expect(gold.length).toBeGreaterThanOrEqual(100);
    const score = scoreSentences(CORPUS_DIR, gold);
    // Both misses give a short English sentence that ends one Chinese sentence's translation to
    // the next Chinese sentence: lengths fit either way and nothing else tells them apart.
    expect(misses(score), share(score)).toEqual([
      '1989-03-01-p4-pandas-in-fuzhou-enjoy-new-home.md row p2, English sentence 4: expected p2.3 | A surrounding wall encloses the area., found p2.4 | A surrounding wall encloses the area.',
      '1954-10-02-p1-order-of-the-ministry-of-national-defense-of.md row p5, English sentence 4: expected p5.3 | We will not stop until we, found p5.4 | We will not stop until we',
    ]);
  });
});
