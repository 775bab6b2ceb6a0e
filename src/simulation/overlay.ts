/**
 * A scenario in one language: the English structure with a language's overlay laid over its
 * texts. Kept apart from the schema (zod) so that the player and the runtime loading of
 * published scenarios can use it without the schema's weight.
 */
import type { Overlay, Scenario } from './schema.ts';

/** The English scenario with one language's texts laid over it (missing texts stay English). */
export function applyOverlay(scenario: Scenario, overlay: Overlay | undefined): Scenario {
  if (!overlay) return scenario;
  const nodes = Object.fromEntries(
    Object.entries(scenario.nodes).map(([nodeId, node]) => {
      const o = overlay.nodes?.[nodeId];
      return [nodeId, {
        ...node,
        speaker: o?.speaker ?? node.speaker,
        text: o?.text ?? node.text,
        image_alt: o?.image_alt ?? node.image_alt,
        choices: node.choices.map((c) => ({ ...c, label: o?.choices?.[c.id]?.label ?? c.label, feedback: o?.choices?.[c.id]?.feedback ?? c.feedback })),
      }];
    }),
  );
  const endings = Object.fromEntries(
    Object.entries(scenario.endings).map(([endingId, e]) => {
      const o = overlay.endings?.[endingId];
      return [endingId, { ...e, title: o?.title ?? e.title, text: o?.text ?? e.text }];
    }),
  );
  const variables = Object.fromEntries(
    Object.entries(scenario.variables).map(([name, v]) => [name, v.label === undefined ? v : { ...v, label: overlay.variables?.[name]?.label ?? v.label }]),
  );
  return { ...scenario, title: overlay.title ?? scenario.title, summary: overlay.summary ?? scenario.summary, variables, nodes, endings };
}
