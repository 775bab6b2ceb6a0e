/**
 * The studio's workflow for a scenario: drafts saved as a trainer types (with a revision so that
 * two people editing at once are told, not overwritten), submitted, reviewed by someone else,
 * published as immutable numbered versions, rolled back by publishing an earlier one again.
 * Pure: the studio islands and the server hooks (pb_hooks/studio.pb.js) decide with these.
 */

export type DraftStatus = 'draft' | 'in-review' | 'changes-requested' | 'published';

/** A scenario as the studio keeps it: the structure with English text, and one overlay per language. */
export interface ScenarioDocument {
  /** The content of scenario.yaml. */
  scenario: Record<string, unknown>;
  /** The content of each <lang>.yaml. */
  overlays: Record<string, Record<string, unknown>>;
  /**
   * For each language, the English text each translation was made from (by text path, e.g.
   * "nodes.arrival.text"), so that a translation whose English changed is shown as out of date.
   */
  translatedFrom?: Record<string, Record<string, string>>;
}

export interface WorkflowProblem {
  status: 400 | 403 | 409;
  reason: string;
}

/**
 * Whether a save may go through: it must say which revision it edits, and that must be the
 * latest, or someone else saved in between.
 * @example saveConflict({ revision: 4, editedByName: 'Samir', updated: '…' }, 3) // { status: 409, reason: 'Samir saved this draft …' }
 */
export function saveConflict(stored: { revision: number; editedByName: string; updated: string }, sentRevision: unknown): WorkflowProblem | null {
  if (typeof sentRevision !== 'number' || !Number.isInteger(sentRevision)) {
    return { status: 400, reason: 'revision is required: send the revision of the draft you edited' };
  }
  if (sentRevision !== stored.revision) {
    return {
      status: 409,
      reason: `${stored.editedByName || 'Someone'} saved this draft at ${stored.updated} (revision ${stored.revision}) after the version you edited (revision ${sentRevision}). Your text is kept in the page: copy what you need, reload, and add it again.`,
    };
  }
  return null;
}

/** The status after an edit: any change to a submitted, returned or published draft makes it a draft again. */
export function statusAfterEdit(_status: DraftStatus): DraftStatus {
  return 'draft';
}

/** Whether a draft may be submitted for review now. */
export function submitProblem(draft: { status: DraftStatus }, problems: readonly unknown[]): WorkflowProblem | null {
  if (draft.status === 'in-review') return { status: 400, reason: 'this draft is already waiting for review' };
  if (draft.status === 'published') return { status: 400, reason: 'this draft is already published; change something first' };
  if (problems.length) return { status: 400, reason: `fix the ${problems.length} problem${problems.length === 1 ? '' : 's'} the checks list before submitting` };
  return null;
}

/**
 * Whether a person may approve or send back a draft: a trainer or an admin who did not submit
 * it, while it waits for review.
 * @example reviewProblem({ status: 'in-review', submittedBy: 'u1' }, { id: 'u1', role: 'trainer' }) // { status: 403, reason: 'you submitted this version: another trainer or an admin reviews it' }
 */
export function reviewProblem(draft: { status: DraftStatus; submittedBy: string }, reviewer: { id: string; role: string }): WorkflowProblem | null {
  if (reviewer.role !== 'trainer' && reviewer.role !== 'admin') return { status: 403, reason: 'only trainers and admins review scenarios' };
  if (draft.status !== 'in-review') return { status: 400, reason: 'this draft is not waiting for review' };
  if (draft.submittedBy === reviewer.id) return { status: 403, reason: 'you submitted this version: another trainer or an admin reviews it' };
  return null;
}

/**
 * The number of the next published version: above every version known (published ones and
 * the one in content/, if the scenario is built in).
 * @example nextVersion([1, 2], 1) // 3
 */
export function nextVersion(published: readonly number[], builtIn = 0): number {
  return Math.max(builtIn, 0, ...published) + 1;
}

/** A document's scenario with its version number set (what is published). */
export function withVersion(document: ScenarioDocument, version: number): ScenarioDocument {
  return { ...document, scenario: { ...document.scenario, version } };
}

/** What the listing shows of a published version: id, version, title and summary in every language. */
export function publishedSummary(record: { scenario: string; version: number; created?: string; document: ScenarioDocument }) {
  const english = record.document.scenario as { title?: string; summary?: string; tracks?: string[]; minutes?: number };
  const titles: Record<string, string> = { en: String(english.title ?? record.scenario) };
  const summaries: Record<string, string> = { en: String(english.summary ?? '') };
  for (const [lang, overlay] of Object.entries(record.document.overlays ?? {})) {
    const o = overlay as { title?: string; summary?: string };
    if (o.title) titles[lang] = o.title;
    if (o.summary) summaries[lang] = o.summary;
  }
  return {
    id: record.scenario,
    version: record.version,
    published: record.created ?? '',
    titles,
    summaries,
    tracks: english.tracks ?? [],
    minutes: english.minutes ?? 0,
  };
}
