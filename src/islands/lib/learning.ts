/**
 * Recording what a learner does from any island: statements go to the outbox first, then to
 * PocketBase (a retry never duplicates). Scenario runs are saved per learner and scenario.
 */
import type { Statement } from '../../learning-record/statements.ts';
import type { SavedRun } from '../../simulation/machine.ts';
import { backend, currentUser } from './backend.ts';
import { recordAndSend } from './outbox-store.ts';

export async function recordStatements(statements: Statement[]): Promise<{ waiting: number }> {
  if (!currentUser()) return { waiting: 0 };
  const report = await recordAndSend(statements);
  return { waiting: report.waiting };
}

/** A stable 15-character record id for (user, scenario), so saving is an idempotent upsert. */
export function runId(user: string, scenario: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (const ch of `${user}:${scenario}`) {
    const c = ch.codePointAt(0)!;
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x85ebca6b) >>> 0;
  }
  return (a.toString(36) + b.toString(36)).padEnd(15, '0').slice(0, 15);
}

export async function loadRun(scenario: string): Promise<SavedRun | null> {
  const user = currentUser();
  if (!user) return null;
  try {
    const row = await backend().collection('scenario_runs').getOne(runId(user.id, scenario));
    return { scenario: String(row.scenario), version: Number(row.version), snapshot: row.snapshot };
  } catch {
    return null;
  }
}

export async function saveRun(run: SavedRun, language: string): Promise<void> {
  const user = currentUser();
  if (!user) return;
  const id = runId(user.id, run.scenario);
  const body = { user: user.id, scenario: run.scenario, version: run.version, snapshot: run.snapshot, language };
  const runs = backend().collection('scenario_runs');
  try {
    await runs.update(id, body);
  } catch (error) {
    if ((error as { status?: number }).status === 404) await runs.create({ id, ...body });
    else throw error;
  }
}
