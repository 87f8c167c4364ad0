/**
 * Chinese substring search on FTS5 without a CJK tokenizer. FTS5's trigram tokenizer cannot
 * match queries shorter than three characters, and two-character product words (奶粉, 水泥,
 * 钢筋) are the most common searches, so the index stores character bigrams instead.
 *
 * Indexed text: each run of letters/digits becomes its bigrams in order, then its last
 * character alone, so a one-character query can be answered as a prefix query. Query runs of
 * two or more characters become phrases of their bigrams; FTS5 narrows the candidates and the
 * caller confirms each run with instr() on the real text, so results are exact substrings.
 */

/**
 * Letters, digits and private-use characters: exactly what unicode61 keeps inside a token by
 * default, so a bigram is never split again by the FTS5 tokenizer.
 */
const RUN = /[\p{L}\p{N}\p{Co}]+/gu;

export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Runs of token characters, split at whitespace and punctuation, as arrays of code points. */
export function searchRuns(text: string): string[][] {
  return (normalizeSearchText(text).match(RUN) ?? []).map((run) => Array.from(run));
}

/** The FTS5 document for a text: space-separated bigrams plus each run's last character. */
export function toBigramDocument(text: string): string {
  const tokens: string[] = [];
  for (const chars of searchRuns(text)) {
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(`${chars[i]}${chars[i + 1]}`);
    tokens.push(chars[chars.length - 1] as string);
  }
  return tokens.join(' ');
}

export interface BigramQuery {
  /** FTS5 MATCH expression. */
  match: string;
  /** Normalized runs the real text must contain, to confirm each candidate exactly. */
  needles: string[];
}

/** The MATCH expression for a user query, or null when it has nothing searchable. */
export function toBigramQuery(query: string): BigramQuery | null {
  const runs = searchRuns(query);
  if (runs.length === 0) return null;
  // Runs only hold letters, digits and marks, so wrapping them in double quotes is safe.
  const parts = runs.map((chars) => {
    if (chars.length === 1) return `"${chars[0]}"*`;
    const grams: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) grams.push(`${chars[i]}${chars[i + 1]}`);
    return `"${grams.join(' ')}"`;
  });
  return { match: parts.join(' AND '), needles: runs.map((chars) => chars.join('')) };
}
