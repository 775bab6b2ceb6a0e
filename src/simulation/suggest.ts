/**
 * Near-match suggestions for misspelt ids ("guardain" -> "guardian"), using the Levenshtein
 * distance of fastest-levenshtein. Pure: runs in the build and in the browser.
 */
import { distance } from 'fastest-levenshtein';

/**
 * The known words closest to a misspelt one (at most three, nearest first), or none when
 * nothing is close enough to be a likely typo.
 * @example nearMatches('guardain', ['guardian', 'arrival']) // ['guardian']
 */
export function nearMatches(word: string, known: readonly string[]): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  return [...new Set(known)]
    .map((candidate) => ({ candidate, d: distance(word.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ candidate, d }) => d <= limit || candidate.toLowerCase().includes(word.toLowerCase()) || word.toLowerCase().includes(candidate.toLowerCase()))
    .sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}

/**
 * " Did you mean "guardian"?" when a near match exists, else "".
 * @example didYouMean('guardain', ['guardian']) // ' Did you mean "guardian"?'
 */
export function didYouMean(word: string, known: readonly string[]): string {
  const matches = nearMatches(word, known);
  if (matches.length === 0) return '';
  return ` Did you mean ${matches.map((m) => `"${m}"`).join(' or ')}?`;
}

/**
 * A list of known ids for a message, shortened when long.
 * @example listOf(['a', 'b']) // 'a, b'
 */
export function listOf(known: readonly string[], max = 12): string {
  if (known.length <= max) return known.join(', ');
  return `${known.slice(0, max).join(', ')} and ${known.length - max} more`;
}
