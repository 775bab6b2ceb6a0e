/**
 * A person's name as it is shown to supervisors and printed on certificates. Pure (goja runs it).
 *
 * Names are stored in Unicode NFC, trimmed, with runs of spaces made one. A name may not carry
 * characters that change how the text around them is shown without being seen themselves:
 * direction controls (which can make "Ali Hassan" display as another name on a certificate),
 * zero-width characters, other format and control characters, and line breaks.
 */
export const maxNameLength = 120;

export type NameProblem = 'name-required' | 'name-too-long' | 'invisible-characters';

// Control characters; soft hyphen; Arabic, Syriac and Mongolian format characters; zero-width
// space, non-joiner and joiner, left-to-right and right-to-left marks; line and paragraph
// separators; embeddings, overrides and isolates; word joiner and invisible operators; the
// byte-order mark; interlinear annotation characters.
const invisible =
  /[\u0000-\u001F\u007F-\u009F\u00AD\u0600-\u0605\u061C\u06DD\u070F\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/;

/**
 * The stored form of a name: NFC, trimmed, single spaces.
 * @example normaliseName('  Amina   Yusuf ') // 'Amina Yusuf'
 */
export function normaliseName(raw: string): string {
  return String(raw ?? '').normalize('NFC').replace(/[ \t\u00A0\u3000]+/g, ' ').trim();
}

/**
 * Why a name is refused, or null.
 * @example nameProblem('Amina Yusuf') // null
 * @example nameProblem('Ali\u202EnassaH') // 'invisible-characters'
 * @example nameProblem('   ') // 'name-required'
 */
export function nameProblem(raw: string): NameProblem | null {
  const name = normaliseName(raw);
  if (!name) return 'name-required';
  if (invisible.test(name)) return 'invisible-characters';
  if ([...name].length > maxNameLength) return 'name-too-long';
  return null;
}
