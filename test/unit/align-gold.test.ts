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

	it('gives every English sentence of the hand-checked rows its Chinese sentences (sentences.json)', () => {
		const gold = readGold<SentenceGold>('sentences.json');
		const score = scoreSentences(CORPUS_DIR, gold);
		expect(misses(score), share(score)).toEqual([]);
		expect(score.right).toBe(score.total);
	});
});
