/**
 * The player inside every SCORM package (bundled by scripts/lib/scorm-export.ts into player.js):
 * reads the package's data from the page, finds the LMS's SCORM 1.2 API and plays the lesson
 * or the case simulation. The session ends (time reported, LMSFinish) when the page goes.
 */
import type { PackageData } from '../package-data.ts';
import { h } from './dom.ts';
import { findApi, Lms } from './lms.ts';
import { moduleView } from './module-view.ts';
import { scenarioView } from './scenario-view.ts';

const data = JSON.parse(document.getElementById('package-data')!.textContent!) as PackageData;
const lms = new Lms(findApi(window));
const root = document.getElementById('player')!;
// the learner's id in the LMS seeds their own order of options and choices, as the site does
const learner = lms.get('cmi.core.student_id') || 'learner';

const notice = document.getElementById('lms-notice')!;
if (!lms.connected) notice.append(h('p', { class: 'notice', role: 'status' }, data.strings.interop.noLms));
else if (lms.lastError && lms.lastError !== '0') notice.append(h('p', { class: 'notice', role: 'alert' }, data.strings.interop.lmsRefused.replace('{{code}}', lms.lastError)));

if (data.kind === 'module') moduleView(root, data, lms, learner);
else scenarioView(root, data, lms, learner);

const finish = () => lms.finish();
window.addEventListener('pagehide', finish);
window.addEventListener('beforeunload', finish);
