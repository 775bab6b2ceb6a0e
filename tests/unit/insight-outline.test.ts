/**
 * The outline of a case simulation for the supervisor's scenario insight (insight-outline.ts):
 * the same for a built scenario and a published version.
 */
import { describe, expect, it } from 'vitest';
import { insightOutline, momentLabel } from '../../src/simulation/insight-outline.ts';
import { applyOverlay } from '../../src/simulation/schema.ts';
import { loadScenarios } from '../../src/simulation/load.ts';

const items = loadScenarios(process.cwd()).scenarios;

describe('insight outline', () => {
  it('names a moment by its speaker, or by the first sentence of its text without Markdown', () => {
    expect(momentLabel('The counter, 06:40', 'Anything.')).toBe('The counter, 06:40');
    expect(momentLabel(undefined, '**A boy** waits at the gate. He is alone.')).toBe('A boy waits at the gate.');
    expect(momentLabel(undefined, 'هل أنت بخير؟ نعم.')).toBe('هل أنت بخير؟');
    expect(momentLabel(undefined, 'x'.repeat(200))).toHaveLength(88);
  });

  it('lists every node with its choices and every ending with its outcome, in the language of the overlay', () => {
    for (const item of items) {
      const ar = applyOverlay(item.scenario, item.overlays.ar);
      const outline = insightOutline(ar);
      expect(outline.nodes.map((n) => n.id)).toEqual(Object.keys(item.scenario.nodes));
      expect(outline.nodes.flatMap((n) => n.choices.map((c) => c.id))).toEqual(Object.values(item.scenario.nodes).flatMap((n) => n.choices.map((c) => c.id)));
      expect(outline.nodes.flatMap((n) => n.choices.filter((c) => c.recommended))).toHaveLength(Object.keys(item.scenario.nodes).length);
      expect(outline.endings.map((e) => e.outcome)).toEqual(Object.values(item.scenario.endings).map((e) => e.outcome));
      expect(outline.title).toBe(item.overlays.ar!.title);
    }
  });
});
