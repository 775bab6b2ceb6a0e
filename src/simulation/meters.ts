/**
 * What a scenario variable's meter says: its level (low, medium, high) and whether that is good
 * news or a warning, which depends on the variable's direction (a child's high trust is good,
 * high distress is a warning). Pure: the player shows it in words and colour, the checks use
 * the directions.
 */
import type { Scenario } from './schema.ts';

/** Whether more of a variable is better or worse for the child. */
export type HigherIs = 'better' | 'worse';

/** The directions of the variables the player has words for (scenario.variables in the UI strings). */
export const builtInDirections: Record<string, HigherIs> = { trust: 'better', belonging: 'better', distress: 'worse', risk: 'worse' };

/**
 * A variable's direction: its own `higher_is`, else the built-in one, else better.
 * @example higherIs('distress', { initial: 50, min: 0, max: 100 }) // 'worse'
 */
export function higherIs(name: string, variable: Pick<Scenario['variables'][string], 'higher_is'> | undefined): HigherIs {
  return variable?.higher_is ?? builtInDirections[name] ?? 'better';
}

export type Level = 'low' | 'medium' | 'high';
/** good: where the child should be; caution: in between; warning: act on it. */
export type Tone = 'good' | 'caution' | 'warning';

export interface MeterReading {
  level: Level;
  tone: Tone;
  /** For <meter>: its low, high and optimum, so the browser's colours follow the meaning too. */
  low: number;
  high: number;
  optimum: number;
}

/**
 * Reads a variable's value: thirds of its range are low, medium and high; the good end is high
 * for a variable where higher is better, low where higher is worse.
 * @example meterReading('distress', { initial: 60, min: 0, max: 100 }, 70) // { level: 'high', tone: 'warning', low: 33.3…, high: 66.6…, optimum: 0 }
 * @example meterReading('trust', { initial: 20, min: 0, max: 100 }, 70).tone // 'good'
 */
export function meterReading(name: string, variable: Pick<Scenario['variables'][string], 'min' | 'max' | 'higher_is'>, value: number): MeterReading {
  const { min, max } = variable;
  const share = (value - min) / (max - min);
  const level: Level = share < 1 / 3 ? 'low' : share < 2 / 3 ? 'medium' : 'high';
  const better = higherIs(name, variable) === 'better';
  const tone: Tone = level === 'medium' ? 'caution' : (level === 'high') === better ? 'good' : 'warning';
  return { level, tone, low: min + (max - min) / 3, high: min + (2 * (max - min)) / 3, optimum: better ? max : min };
}
