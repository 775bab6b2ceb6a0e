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

/** The learner's saved run of a scenario (one per learner and scenario, a unique index), or null. */
async function findRun(user: string, scenario: string) {
  const pb = backend();
  try {
    return await pb.collection('scenario_runs').getFirstListItem(pb.filter('user = {:user} && scenario = {:scenario}', { user, scenario }));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

export async function loadRun(scenario: string): Promise<SavedRun | null> {
  const user = currentUser();
  if (!user) return null;
  try {
    const row = await findRun(user.id, scenario);
    return row ? { scenario: String(row.scenario), version: Number(row.version), snapshot: row.snapshot } : null;
  } catch {
    return null;
  }
}

/**
 * Saves where the learner is: updates their run of this scenario, or creates it (the server
 * picks the id, so nobody can take a learner's record id first). Two devices creating at the
 * same moment meet the unique index; the second then updates.
 */
export async function saveRun(run: SavedRun, language: string): Promise<void> {
  const user = currentUser();
  if (!user) return;
  const body = { user: user.id, scenario: run.scenario, version: run.version, snapshot: run.snapshot, language };
  const runs = backend().collection('scenario_runs');
  const existing = await findRun(user.id, run.scenario);
  if (existing) {
    await runs.update(existing.id, body);
    return;
  }
  try {
    await runs.create(body);
  } catch (error) {
    const again = (error as { status?: number }).status === 400 ? await findRun(user.id, run.scenario) : null;
    if (!again) throw error;
    await runs.update(again.id, body);
  }
}
