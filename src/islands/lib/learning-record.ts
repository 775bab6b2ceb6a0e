/**
 * The one way islands touch the signed-in learner's learning record:
 * - `record(statements)`: kept on the device first (the outbox), then sent; says what was
 *   stored, what waits, and what the server refused and why (refused statements are kept
 *   aside on the device until the learner sends them again or discards them);
 * - `myProgress`, `myOnboarding`, `myCertificate`: what the server made of it;
 * - `loadRun`/`saveRun`: where the learner is in a case simulation.
 * Islands keep only their UI; records are read with the codecs of src/learning-record/.
 */
import type { SendOutcome, Transport } from '../../learning-record/outbox.ts';
import type { Progress } from '../../learning-record/progress.ts';
import { assignmentFromRecord, certificateFromRecord, progressFromRecord, statementFields, type AssignmentView, type CertificateView } from '../../learning-record/records.ts';
import type { Statement } from '../../learning-record/statements.ts';
import type { SavedRun } from '../../simulation/machine.ts';
import { isResponseError } from './api-client.ts';
import { backend, currentUser, describeError } from './backend.ts';
import { announce, flushOutbox, outboxEvent, pageOutbox, type OutboxCounts } from './outbox-store.ts';

export { outboxEvent, type OutboxCounts };

/** Where My onboarding keeps the learner's summary on the device (read by the next step offline; removed at sign-out). */
export const onboardingCacheKey = (user: string): string => `continuum-onboarding-${user}`;

/** Sends one statement; a repeated id is answered with the stored copy (pb_hooks/statements.pb.js). */
const sendStatement: Transport = async (statement): Promise<SendOutcome> => {
  try {
    await backend().collection('statements').create(statementFields(statement));
    return { kind: 'stored' };
  } catch (error) {
    if (isResponseError(error)) {
      if (error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 401) {
        return { kind: 'retry', reason: error.message };
      }
      return { kind: 'rejected', reason: describeError(error) };
    }
    return { kind: 'retry', reason: String(error) };
  }
};

export interface RecordReport extends OutboxCounts {
  /** Ids the server has now. */
  stored: string[];
  /** Refused in this attempt, with the server's reason. */
  refusedNow: { id: string; reason: string }[];
}

const nobody: RecordReport = { stored: [], refusedNow: [], waiting: 0, refused: 0 };

/** Sends whatever of the signed-in learner's statements waits on this device. */
export async function sync(): Promise<RecordReport> {
  const user = currentUser();
  if (!user) return nobody;
  const report = await flushOutbox(sendStatement, user.id);
  const counts = await announce(user.id);
  return { stored: report.stored, refusedNow: report.rejected, ...counts };
}

/** Keeps statements on the device (announced at once), then tries to send everything waiting. */
export async function record(statements: readonly Statement[]): Promise<RecordReport> {
  const user = currentUser();
  if (!user) return nobody;
  const outbox = await pageOutbox();
  for (const s of statements) await outbox.add(s);
  await announce(user.id);
  return sync();
}

/** The signed-in learner's statements still on the device: waiting, and refused with the reason. */
export async function onDevice(): Promise<{ waiting: Statement[]; refused: { statement: Statement; reason: string; at: string }[] }> {
  const user = currentUser();
  if (!user) return { waiting: [], refused: [] };
  const outbox = await pageOutbox();
  return {
    waiting: await outbox.pending(user.id),
    refused: (await outbox.refused(user.id)).map((r) => ({ statement: r.statement, reason: r.refusal.reason, at: r.refusal.at })),
  };
}

/** Puts a refused statement back in line and sends it. */
export async function sendAgain(id: string): Promise<RecordReport> {
  await (await pageOutbox()).retry(id);
  return sync();
}

/** Drops a refused statement the learner chose to discard. */
export async function discard(id: string): Promise<OutboxCounts> {
  const user = currentUser();
  await (await pageOutbox()).discard(id);
  return user ? announce(user.id) : { waiting: 0, refused: 0 };
}

/** After an account is deleted: everything it left on this device goes; other people's stays. */
export async function forgetUser(user: string): Promise<void> {
  await (await pageOutbox()).forget(user);
}

let watching = false;

/**
 * Sends what is waiting now, when the connection comes back, when the tab is shown again,
 * and every 30 seconds while anything waits. Safe to call from every island.
 */
export function keepSending(): void {
  if (watching) return;
  watching = true;
  const retry = () => void sync().catch(() => undefined);
  window.addEventListener('online', retry);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') retry();
  });
  window.setInterval(() => {
    const user = currentUser();
    if (navigator.onLine && user) void pageOutbox().then((o) => o.pending(user.id)).then((w) => w.length > 0 && retry());
  }, 30_000);
  retry();
}

/** The learner's progress on one activity (e.g. "module:m"), or null before any. */
export async function myProgress(activity: string): Promise<Progress | null> {
  const user = currentUser();
  if (!user) return null;
  const pb = backend();
  try {
    const row = await pb.collection('progress').getFirstListItem(pb.filter('user = {:user} && activity = {:activity}', { user: user.id, activity }));
    return progressFromRecord(row);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

/** The learner's progress on everything (activity and status are enough for paths). */
export async function myProgressAll(): Promise<Progress[]> {
  const user = currentUser();
  if (!user) return [];
  const pb = backend();
  const rows = await pb.collection('progress').getFullList({ filter: pb.filter('user = {:user}', { user: user.id }) });
  return rows.map(progressFromRecord);
}

export interface Onboarding {
  track: string;
  assignments: AssignmentView[];
  progress: Progress[];
  certificates: CertificateView[];
}

/** What My onboarding shows: the learner's track, assignments, progress and certificates. */
export async function myOnboarding(): Promise<Onboarding | null> {
  const user = currentUser();
  if (!user) return null;
  const pb = backend();
  const mine = (field: string) => pb.filter(`${field} = {:me}`, { me: user.id });
  const [me, assignments, progress, certificates] = await Promise.all([
    pb.collection('users').getOne(user.id, { fields: 'track' }),
    pb.collection('assignments').getFullList({ filter: mine('learner') }),
    pb.collection('progress').getFullList({ filter: mine('user') }),
    pb.collection('certificates').getFullList({ filter: mine('user') }),
  ]);
  return {
    track: String(me.track ?? ''),
    assignments: assignments.map(assignmentFromRecord),
    progress: progress.map(progressFromRecord),
    certificates: certificates.map(certificateFromRecord),
  };
}

/** One certificate the signed-in person may read (their own, or a learner's they supervise). */
export async function certificate(id: string): Promise<CertificateView> {
  return certificateFromRecord(await backend().collection('certificates').getOne(id));
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
