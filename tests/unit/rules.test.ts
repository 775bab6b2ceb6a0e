import { describe, expect, it } from 'vitest';
import { replayChoices, scenarioStructure } from '../../src/simulation/rules.ts';
import { catalogue } from '../support/content.ts';

describe('replaying a playthrough (what the server does before it believes a pass)', () => {
  it('follows the recommended path of every real scenario to a good ending', () => {
    for (const { scenario, analysis } of catalogue().scenarios) {
      const replay = replayChoices(scenarioStructure(scenario), analysis.recommendedPath);
      expect(replay.ok, scenario.id).toBe(true);
      if (replay.ok) expect(scenario.endings[replay.ending ?? '']?.outcome, scenario.id).toBe('good');
    }
  });

  it('says which choice could not have been made', () => {
    const { scenario, analysis } = catalogue().scenarios[0]!;
    const wrong = [...analysis.recommendedPath];
    wrong[1] = analysis.recommendedPath[0]!; // a choice of the first node offered again at the second
    const replay = replayChoices(scenarioStructure(scenario), wrong);
    expect(replay).toMatchObject({ ok: false, index: 1 });
  });
});
