/**
 * A case simulation's moments, choices and endings in one language, as the supervisor's scenario
 * insight lists them: for a built-in scenario (the /<lang>/data/scenarios/<id>.json file made at
 * build time) and for a published version (from its player data, in the browser). Pure.
 */
import type { Scenario } from './schema.ts';

export interface InsightOutline {
  id: string;
  title: string;
  start: string;
  nodes: { id: string; label: string; choices: { id: string; label: string; recommended: boolean }[] }[];
  endings: { id: string; title: string; outcome: 'good' | 'mixed' | 'harmful' }[];
}

/**
 * A short name for a moment: its speaker line, or the first sentence of its text.
 * @example momentLabel(undefined, 'A boy waits. He is alone.') // 'A boy waits.'
 */
export function momentLabel(speaker: string | undefined, text: string): string {
  if (speaker) return speaker;
  const plain = text.replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
  const sentence = plain.split(/(?<=[.!?؟])\s/)[0] ?? plain;
  return sentence.length > 90 ? `${sentence.slice(0, 87)}…` : sentence;
}

/**
 * The outline of a (localized) scenario.
 * @example insightOutline(scenario).endings[0] // { id: 'safe-referral', title: '…', outcome: 'good' }
 */
export function insightOutline(scenario: Pick<Scenario, 'id' | 'title' | 'start' | 'nodes' | 'endings'>): InsightOutline {
  return {
    id: scenario.id,
    title: scenario.title,
    start: scenario.start,
    nodes: Object.entries(scenario.nodes).map(([id, node]) => ({
      id,
      label: momentLabel(node.speaker, node.text),
      choices: node.choices.map((c) => ({ id: c.id, label: c.label, recommended: c.recommended === true })),
    })),
    endings: Object.entries(scenario.endings).map(([id, e]) => ({ id, title: e.title, outcome: e.outcome })),
  };
}
