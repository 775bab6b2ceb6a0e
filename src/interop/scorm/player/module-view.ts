/**
 * A lesson in a SCORM package: its sections, each marked as done by the learner, and its
 * knowledge check graded by the site's grader (grading.ts) with each learner's own order of
 * options (order.ts). What the LMS is told comes from session.ts (the platform's rules).
 */
import { activityId } from '../../../learning-record/activities.ts';
import { gradeAnswers, type Grade } from '../../../learning-record/grading.ts';
import { orderSeed, seededOrder } from '../../../learning-record/order.ts';
import { fill } from '../../../islands/lib/format.ts';
import { decodeLessonState, encodeLessonState, lessonProgress, lessonStatus, questionInteraction, scoreRaw, type LessonState } from '../session.ts';
import type { ModulePackageData } from '../package-data.ts';
import { h, replace } from './dom.ts';
import type { Lms } from './lms.ts';

export function moduleView(root: HTMLElement, data: ModulePackageData, lms: Lms, learner: string): void {
  const { strings, facts } = data;
  const state: LessonState = decodeLessonState(lms.get('cmi.suspend_data'), facts.sections.length);
  let answers: Record<string, string[]> = {};
  let grade: Grade | null = null;
  let missing: string[] = [];

  const progressLine = h('p', { class: 'progress', role: 'status', 'data-testid': 'sections-done' });
  const checkArea = h('div', { class: 'knowledge-check' });

  function report() {
    const progress = lessonProgress(data.slug, facts, state, data.lang);
    const status = lessonStatus(progress);
    lms.set('cmi.core.lesson_status', status);
    const raw = scoreRaw(progress);
    if (raw !== null) {
      lms.set('cmi.core.score.min', '0');
      lms.set('cmi.core.score.max', '100');
      lms.set('cmi.core.score.raw', String(raw));
    }
    lms.set('cmi.suspend_data', encodeLessonState(state, facts.sections.length));
    lms.set('cmi.core.exit', status === 'passed' ? '' : 'suspend');
    lms.commit();
    const done = state.done.length;
    replace(progressLine, fill(strings.progress.summary, { done, total: facts.sections.length }), status === 'passed' || status === 'completed' ? ` ${strings.progress.complete}` : '');
  }

  const sectionViews = data.sections.map((section, index) => {
    const action = h('div', { class: 'section-done' });
    const paint = () =>
      replace(
        action,
        state.done.includes(index)
          ? h('p', { class: 'done', 'data-testid': `done-${section.id}` }, `✓ ${strings.progress.done}`)
          : h('button', { type: 'button', 'data-section': section.id, onclick: () => markDone(index, paint) }, strings.progress.markDone),
      );
    paint();
    return h(
      'section',
      { id: section.id, class: 'module-section', 'aria-labelledby': `${section.id}-title` },
      h('p', { class: 'meta' }, fill(strings.module.sectionLabel, { number: index + 1, total: data.sections.length })),
      h('h2', { id: `${section.id}-title` }, section.title),
      h('div', { class: 'section-body', html: section.html }),
      action,
    );
  });

  function markDone(index: number, paint: () => void) {
    if (!state.done.includes(index)) state.done = [...state.done, index].sort((a, b) => a - b);
    paint();
    report();
  }

  const optionsOf = (question: NonNullable<ModulePackageData['quiz']>['questions'][number]) =>
    seededOrder(question.options, orderSeed(learner, activityId.question(data.slug, question.id), state.attempt));

  function paintCheck() {
    const quiz = data.quiz;
    if (!quiz) return;
    const threshold = Math.round(quiz.passThreshold * 100);
    const questionViews = quiz.questions.map((question, qi) => {
      const chosen = answers[question.id] ?? [];
      const right = grade?.perQuestion[question.id];
      return h(
        'fieldset',
        { class: `question${grade ? (right ? ' right' : ' wrong') : ''}`, 'data-question': question.id },
        h('legend', {}, h('span', { class: 'meta question-number' }, fill(strings.quiz.questionLabel, { number: qi + 1 })), ` ${question.prompt}`),
        h('p', { class: 'meta' }, question.type === 'single' ? strings.quiz.chooseOne : strings.quiz.chooseAll),
        h('ul', { class: 'options' }, optionsOf(question).map((option) => {
          const isChosen = chosen.includes(option.id);
          return h(
            'li',
            { class: grade ? `${option.correct ? 'correct-option' : ''} ${isChosen ? 'chosen' : ''}` : '' },
            h('label', {},
              h('input', {
                type: question.type === 'single' ? 'radio' : 'checkbox',
                name: `${data.slug}-${question.id}`,
                value: option.id,
                checked: isChosen,
                disabled: grade !== null,
                onchange: (event: Event) => toggle(question.id, option.id, question.type, (event.currentTarget as HTMLInputElement).checked),
              }),
              h('span', {}, option.text)),
            grade && (isChosen || option.correct)
              ? h('p', { class: 'explanation' }, h('strong', {}, `${isChosen && option.correct ? strings.quiz.yourChoiceRight : isChosen ? strings.quiz.yourChoice : strings.quiz.rightAnswer}: `), option.explanation)
              : null,
          );
        })),
        grade ? h('p', { class: 'verdict' }, right ? `✓ ${strings.quiz.correct}` : `✗ ${strings.quiz.incorrect}`) : null,
      );
    });
    const result = h('div', { class: 'result', role: 'status', tabindex: -1, 'data-testid': 'check-result' },
      grade ? h('p', {}, h('strong', {}, fill(strings.quiz.result, { correct: grade.correct, total: grade.total, percent: Math.round(grade.scaled * 100) }))) : null,
      grade ? h('p', {}, grade.passed ? strings.quiz.passed : fill(strings.quiz.failed, { threshold })) : null);
    const form = h('form', { novalidate: true, 'data-attempt': state.attempt, onsubmit: submit },
      h('p', {}, fill(strings.quiz.intro, { count: quiz.questions.length, threshold })),
      questionViews,
      missing.length ? h('p', { class: 'form-error', role: 'alert' }, fill(strings.quiz.unanswered, { list: missing.map((id) => quiz.questions.findIndex((q) => q.id === id) + 1).join(', ') })) : null,
      result,
      grade ? h('button', { type: 'button', onclick: retry }, strings.quiz.retry) : h('button', { type: 'submit' }, strings.quiz.submit));
    replace(checkArea, form);
    if (grade) result.focus();
  }

  function toggle(questionId: string, optionId: string, type: 'single' | 'multiple', checked: boolean) {
    const current = answers[questionId] ?? [];
    answers[questionId] = type === 'single' ? [optionId] : checked ? [...new Set([...current, optionId])] : current.filter((id) => id !== optionId);
  }

  function submit(event: Event) {
    event.preventDefault();
    const quiz = data.quiz!;
    missing = quiz.questions.filter((q) => (answers[q.id]?.length ?? 0) === 0).map((q) => q.id);
    if (missing.length === 0) {
      grade = gradeAnswers(facts.questions, answers, facts.passThreshold);
      const now = new Date();
      for (const key of facts.questions) lms.addInteraction(questionInteraction(key, answers[key.id] ?? [], grade.perQuestion[key.id] ?? false, now));
      state.best = Math.max(state.best ?? 0, grade.scaled);
      state.checkPassed = state.checkPassed || grade.passed;
      report();
    }
    paintCheck();
  }

  function retry() {
    answers = {};
    grade = null;
    missing = [];
    state.attempt += 1;
    report();
    paintCheck();
  }

  paintCheck();
  replace(
    root,
    h('header', {}, h('h1', {}, data.title), h('p', { class: 'summary' }, data.summary)),
    h('section', { class: 'objectives', 'aria-labelledby': 'objectives-title' },
      h('h2', { id: 'objectives-title' }, strings.module.objectivesHeading),
      h('ul', {}, data.objectives.map((o) => h('li', {}, o)))),
    progressLine,
    sectionViews,
    data.quiz ? h('section', { class: 'check', 'aria-labelledby': 'check-title' }, h('h2', { id: 'check-title' }, strings.module.knowledgeCheckHeading), checkArea) : null,
  );
  report();
}
