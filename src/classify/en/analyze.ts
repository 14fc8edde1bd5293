// Analyses one segment side for the English rules: wink-nlp POS + lemmas mapped onto the pair's tokens.
import type { Token } from '../../model.js';
import type { TokenInfo } from '../types.js';
import { tagText, type WinkToken } from './nlp.js';
import { errantPos, fineTag, MODALS } from './pos.js';

const SENTENCE_END = /^[.!?…]+$/;
const OPENERS = /^[“"«‘'([]$/;

/** One TokenInfo per token of `tokens` (absolute offsets into `text`). The segment is tagged once, as a whole,
 *  so the tagger sees the context; a token that wink-nlp splits ("Carney’s") takes the tag of its first part. */
export function analyzeEnglish(text: string, tokens: readonly Token[]): TokenInfo[] {
  if (tokens.length === 0) return [];
  const base = tokens[0]!.start;
  const end = tokens[tokens.length - 1]!.end;
  const tagged = tagText(text.slice(base, end)).map((t) => ({ ...t, start: t.start + base, end: t.end + base }));
  let k = 0;
  const picked: Array<WinkToken | undefined> = tokens.map((tok) => {
    while (k < tagged.length && tagged[k]!.end <= tok.start) k++;
    let best: WinkToken | undefined;
    for (let j = k; j < tagged.length && tagged[j]!.start < tok.end; j++) {
      const t = tagged[j]!;
      if (!best || (best.upos === 'PUNCT' && t.upos !== 'PUNCT')) best = t;
      if (best.upos !== 'PUNCT') break;
    }
    return best;
  });
  const uposes = picked.map((p, i) => p?.upos ?? fallbackUpos(tokens[i]!.text));
  const infos: TokenInfo[] = [];
  tokens.forEach((tok, i) => {
    const lower = tok.text.toLowerCase();
    const upos = uposes[i]!;
    const p = picked[i];
    // wink lemmatises the part it tagged; when the pair token is longer (a possessive), keep the whole form.
    const lemma = p && p.value.length === tok.text.length ? p.lemma.toLowerCase() : lower;
    const prev = tokens[i - 1]?.text.toLowerCase();
    const afterAux = precededByAux(uposes, tokens, i);
    const prevText = tokens[i - 1]?.text;
    infos.push({
      text: tok.text,
      lower,
      upos,
      pos: errantPos(upos, lower, uposes[i + 1]),
      lemma,
      tag: fineTag(upos, lower, lemma, afterAux, prev),
      aux: (upos === 'AUX' || MODALS.has(lower)) && governsVerb(uposes, tokens, i),
      afterAux,
      sentenceStart:
        i === 0 || (prevText !== undefined && (SENTENCE_END.test(prevText) || (OPENERS.test(prevText) && i === 1))),
    });
  });
  return infos;
}

function fallbackUpos(text: string): string {
  if (/^\p{P}+$/u.test(text)) return 'PUNCT';
  if (/^\p{N}[\p{N}.,]*$/u.test(text)) return 'NUM';
  if (/^\p{S}+$/u.test(text)) return 'SYM';
  // A run of 100+ characters is never sent to the tagger (see nlp.ts); words that long are content, not grammar.
  if (text.length >= 100 && /^[\p{L}\p{N}]/u.test(text)) return 'NOUN';
  return 'X';
}

const SKIPPABLE = new Set(['ADV', 'PART', 'PRON']);

/** ERRANT asks the parser whether an auxiliary governs the verb; without a parser: an AUX within three tokens
 *  before it, with only adverbs, negation or a subject pronoun ("has she", "will not") in between. */
function precededByAux(uposes: readonly string[], tokens: readonly Token[], i: number): boolean {
  if (!/^(VERB|AUX)$/.test(uposes[i] ?? '')) return false;
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const u = uposes[j]!;
    if (u === 'AUX' || MODALS.has(tokens[j]!.text.toLowerCase())) return true;
    if (!SKIPPABLE.has(u)) return false;
  }
  return false;
}

function governsVerb(uposes: readonly string[], tokens: readonly Token[], i: number): boolean {
  for (let j = i + 1; j < uposes.length && j <= i + 3; j++) {
    const u = uposes[j]!;
    if (u === 'VERB' || u === 'AUX') return true;
    if (!SKIPPABLE.has(u) && tokens[j]!.text.toLowerCase() !== 'not') return false;
  }
  return false;
}
