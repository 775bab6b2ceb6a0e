/**
 * What a supervisor's islands read and write: the learners linked to them, their progress,
 * assignments and certificates, their statements (for the xAPI export and scenario insight),
 * and assignments. The collection rules decide what a supervisor may see (only their own
 * learners); records are read with the codecs of src/learning-record/.
 */
import type { CohortLearner } from '../../learning-record/cohort.ts';
import { activityId } from '../../learning-record/activities.ts';
import { assignmentFromRecord, certificateFromRecord, progressFromRecord, statementFromRecord, type AssignmentView, type CertificateView } from '../../learning-record/records.ts';
import type { Progress } from '../../learning-record/progress.ts';
import type { Statement } from '../../learning-record/statements.ts';
import { backend } from './backend.ts';

export interface Cohort {
  learners: CohortLearner[];
  progress: (Progress & { user: string })[];
  assignments: AssignmentView[];
  certificates: CertificateView[];
}

/** Everything about the learners linked to `me` that the cohort table needs. */
export async function loadCohort(me: string): Promise<Cohort> {
  const pb = backend();
  const linked = (field: string) => pb.filter(`${field} = {:me}`, { me });
  const [users, rows, given, issued] = await Promise.all([
    pb.collection('users').getFullList({ filter: linked('supervisor'), sort: 'name', fields: 'id,name,email,track,country' }),
    pb.collection('progress').getFullList({ filter: linked('user.supervisor'), fields: 'user,activity,activityType,status' }),
    pb.collection('assignments').getFullList({ filter: linked('learner.supervisor'), fields: 'id,learner,path,dueDate' }),
    pb.collection('certificates').getFullList({ filter: linked('user.supervisor'), fields: 'id,user,path,code' }),
  ]);
  return {
    learners: users.map((u) => ({ id: u.id, name: String(u.name || u.email), email: String(u.email ?? ''), track: String(u.track ?? ''), country: String(u.country ?? '') })),
    progress: rows.map((r) => ({ ...progressFromRecord(r), user: String(r.user) })),
    assignments: given.map(assignmentFromRecord),
    certificates: issued.map(certificateFromRecord),
  };
}

/** All statements of some of my learners, oldest first (a few learners per request keeps each filter short). */
export async function learnersStatements(ids: readonly string[]): Promise<Statement[]> {
  const pb = backend();
  const all: Statement[] = [];
  for (let i = 0; i < ids.length; i += 20) {
    const chunk = ids.slice(i, i + 20);
    const filter = chunk.map((_, j) => `user = {:u${j}}`).join(' || ');
    const params = Object.fromEntries(chunk.map((id, j) => [`u${j}`, id]));
    const items = await pb.collection('statements').getFullList({ filter: pb.filter(filter, params), sort: 'timestamp' });
    all.push(...items.map(statementFromRecord));
  }
  return all;
}

/** My learners' choices and endings in one case simulation (for scenario insight). */
export async function scenarioStatements(me: string, scenario: string): Promise<Statement[]> {
  const pb = backend();
  const items = await pb.collection('statements').getFullList({
    filter: pb.filter('user.supervisor = {:me} && (object ~ {:choices} || object = {:whole})', {
      me,
      choices: `${activityId.scenario(scenario)}/choice:%`,
      whole: activityId.scenario(scenario),
    }),
    fields: 'id,user,verb,object,result,language,timestamp',
  });
  return items.map(statementFromRecord);
}

/** Assigns a path to a learner in my name, or changes the due date of an existing assignment. */
export async function assignPath(args: { me: string; learner: string; path: string; dueDate: string; existing?: string | undefined }): Promise<void> {
  const collection = backend().collection('assignments');
  const due = args.dueDate ? `${args.dueDate} 00:00:00.000Z` : '';
  if (args.existing) await collection.update(args.existing, { dueDate: due });
  else await collection.create({ learner: args.learner, path: args.path, dueDate: due, assignedBy: args.me });
}
