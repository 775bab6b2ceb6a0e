/**
 * A duration in minutes as people say it, in their language (Intl: units and lists).
 * @example formatDuration(45, 'en') // '45 minutes'
 * @example formatDuration(80, 'en') // '1 hour, 20 minutes'
 * @example formatDuration(120, 'fr') // '2 heures' (with a no-break space)
 */
export function formatDuration(minutes: number, lang: string): string {
  const unit = (value: number, name: 'hour' | 'minute') => new Intl.NumberFormat(lang, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return unit(rest, 'minute');
  if (rest === 0) return unit(hours, 'hour');
  return new Intl.ListFormat(lang, { style: 'long', type: 'unit' }).format([unit(hours, 'hour'), unit(rest, 'minute')]);
}
