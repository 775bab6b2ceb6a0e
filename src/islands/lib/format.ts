/**
 * Fills {{name}} placeholders, and picks plural forms (key_one, key_other, key_few…) the way
 * i18next does, for strings handed to islands as props.
 * @example fill('{{done}} of {{total}}', { done: 1, total: 5 }) // '1 of 5'
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * @example plural({ waiting_one: '{{count}} update', waiting_other: '{{count}} updates' }, 'waiting', 3, 'en') // '3 updates'
 */
export function plural(strings: Record<string, string>, key: string, count: number, lang: string): string {
  const category = new Intl.PluralRules(lang).select(count);
  const template = strings[`${key}_${category}`] ?? strings[`${key}_other`] ?? strings[key] ?? '';
  return fill(template, { count });
}
