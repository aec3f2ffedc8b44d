/**
 * Misspelling tolerance: each token may be replaced by a command keyword within a small edit distance
 * (optimal-string-alignment Damerau-Levenshtein, so "scroe" is one edit from "score").
 */

/** Edits allowed for a token of this length: none below 4 letters, 1 up to 7, 2 from 8. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** OSA distance, giving up (returning max + 1) as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

export interface Speller {
  /** The token as a keyword, or unchanged when it is known, protected or has no single close keyword. */
  correct(token: string): string;
}

/**
 * @param targets keywords a typo may become (order breaks ties)
 * @param known   words that are already right (every word the rules use): never changed
 * @param keep    ordinary words that sit one edit from a keyword ("store", "chat", "zone"): never changed
 */
export function createSpeller(targets: readonly string[], known: ReadonlySet<string>, keep: ReadonlySet<string>): Speller {
  return {
    correct(token: string): string {
      const max = allowedEdits(token.length);
      if (max === 0 || known.has(token) || keep.has(token) || /[\d_]/.test(token)) return token;
      let best: string | undefined;
      let bestRank = Infinity;
      targets.forEach((target, order) => {
        const d = editDistance(token, target, max);
        if (d > max) return;
        // Closer first; on a tie a keyword starting with the same letter wins, then list order.
        const rank = d * 1e6 + (target[0] === token[0] ? 0 : 1e3) + order;
        if (rank < bestRank) {
          bestRank = rank;
          best = target;
        }
      });
      return best ?? token;
    },
  };
}
