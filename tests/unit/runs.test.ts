import { describe, expect, it } from 'vitest';
import { runProblem, maxSnapshotLength } from '../../src/learning-record/runs.ts';
import { facts } from '../support/content.ts';

describe('saved case-simulation runs', () => {
  const real = facts();
  const version = real.scenarios['border-arrival']!.latest;
  const start = real.scenarios['border-arrival']!.versions[String(version)]!.start;
  const snapshot = { value: start, status: 'active', context: { registration: 'r', variables: {}, scores: {}, history: [] } };

  it('accepts a run of a known scenario and version', () => {
    expect(runProblem({ scenario: 'border-arrival', version, snapshot }, real)).toBeNull();
  });

  it('refuses unknown scenarios and versions, prototype keys, odd and oversized snapshots', () => {
    expect(runProblem({ scenario: 'no-such', version: 1, snapshot }, real)).toMatchObject({ field: 'scenario' });
    expect(runProblem({ scenario: 'constructor', version: 1, snapshot }, real)).toMatchObject({ field: 'scenario' });
    expect(runProblem({ scenario: 'border-arrival', version: version + 40, snapshot }, real)).toMatchObject({ field: 'version' });
    expect(runProblem({ scenario: 'border-arrival', version, snapshot: { ...snapshot, value: 'nowhere' } }, real)).toMatchObject({ field: 'snapshot' });
    expect(runProblem({ scenario: 'border-arrival', version, snapshot: { ...snapshot, context: { ...snapshot.context, variables: { hacked: 1 } } } }, real)).toMatchObject({ field: 'snapshot' });
    const big = { ...snapshot, padding: 'x'.repeat(maxSnapshotLength) };
    expect(runProblem({ scenario: 'border-arrival', version, snapshot: big }, real)?.reason).toContain(`at most ${maxSnapshotLength}`);
  });
});
