/**
 * A case simulation in a SCORM package: the site's XState machine (machine.ts) played with the
 * site's player data (texts rendered safely at export, recommended path and points), choices in
 * an order of each playthrough's own (order.ts), the debrief's corrections (debrief.ts). What the
 * LMS is told comes from session.ts (the platform's rules).
 */
import { createActor, type Actor } from 'xstate';
import { activityId } from '../../../learning-record/activities.ts';
import { orderSeed, seededOrder } from '../../../learning-record/order.ts';
import { fill } from '../../../islands/lib/format.ts';
import { corrections, playthroughScaled } from '../../../simulation/debrief.ts';
import { availableChoices, compileScenario, currentStep, newPlaythrough, type ScenarioMachine } from '../../../simulation/machine.ts';
import { afterEnding, choiceIndex, choiceInteraction, decodePlaythrough, encodePlaythrough, lessonStatus, scoreRaw, type PlaythroughState } from '../session.ts';
import type { ScenarioPackageData } from '../package-data.ts';
import { h, replace } from './dom.ts';
import type { Lms } from './lms.ts';

export function scenarioView(root: HTMLElement, data: ScenarioPackageData, lms: Lms, learner: string): void {
  const { scenario, html, recommendedPath, recommendedScores } = data.player;
  const strings = data.strings.scenario;
  const machine: ScenarioMachine = compileScenario(scenario);
  const allChoices = choiceIndex(scenario);
  const choicesById = new Map(Object.values(scenario.nodes).flatMap((n) => n.choices.map((c) => [c.id, c] as const)));
  const state: PlaythroughState = decodePlaythrough(lms.get('cmi.suspend_data'), allChoices);
  let actor: Actor<ScenarioMachine> = start(state.choices);
  let feedback: { label: string; text: string } | null = null;

  /** A playthrough from the start, replaying the choices already made (a resume). */
  function start(choices: readonly string[]): Actor<ScenarioMachine> {
    const registration = `${learner}|${state.playthrough}`;
    const next = createActor(machine, { snapshot: newPlaythrough(scenario, machine, registration) });
    next.start();
    for (const choice of choices) next.send({ type: 'CHOOSE', choice });
    if (next.getSnapshot().context.history.length !== choices.length) {
      // the saved choices no longer fit the scenario: start afresh
      state.choices = [];
      next.stop();
      return start([]);
    }
    return next;
  }

  function report() {
    const status = lessonStatus(state.best);
    lms.set('cmi.core.lesson_status', status);
    const raw = scoreRaw(state.best);
    if (raw !== null) {
      lms.set('cmi.core.score.min', '0');
      lms.set('cmi.core.score.max', '100');
      lms.set('cmi.core.score.raw', String(raw));
    }
    const suspend = encodePlaythrough(state, allChoices);
    // a playthrough too long for SCORM 1.2's 4,096 characters resumes from its start
    lms.set('cmi.suspend_data', suspend ?? encodePlaythrough({ ...state, choices: [] }, allChoices) ?? '');
    lms.set('cmi.core.exit', status === 'passed' ? '' : 'suspend');
    lms.commit();
  }

  function choose(choiceId: string) {
    const snapshot = actor.getSnapshot();
    const from = currentStep(snapshot);
    const choice = choicesById.get(choiceId);
    if (!choice) return;
    actor.send({ type: 'CHOOSE', choice: choiceId });
    const after = actor.getSnapshot();
    if (after.context.history.length === snapshot.context.history.length) return; // not offered here
    state.choices = after.context.history.map((entry) => entry.choice);
    lms.addInteraction(choiceInteraction({ id: from, choices: scenario.nodes[from]!.choices }, choiceId, new Date()));
    const ending = scenario.endings[currentStep(after)];
    if (ending) {
      state.best = afterEnding(state.best, scenario, { id: currentStep(after), outcome: ending.outcome }, playthroughScaled(after.context.scores, recommendedScores), data.lang);
    }
    report();
    feedback = { label: choice.label, text: choice.feedback };
    paint();
  }

  function restart() {
    state.playthrough += 1;
    state.choices = [];
    actor.stop();
    actor = start([]);
    feedback = null;
    report();
    paint();
  }

  const level = (name: string, value: number) => {
    const b = scenario.variables[name]!;
    const share = (value - b.min) / (b.max - b.min);
    return share < 1 / 3 ? strings.levelLow : share < 2 / 3 ? strings.levelMedium : strings.levelHigh;
  };
  const variableLabel = (name: string) => scenario.variables[name]?.label ?? (strings.variables as Record<string, string>)[name] ?? name;
  const outcomeText = (o: string) => (o === 'good' ? strings.outcomeGood : o === 'mixed' ? strings.outcomeMixed : strings.outcomeHarmful);
  const label = (id: string) => choicesById.get(id)?.label ?? id;

  function paint() {
    const snapshot = actor.getSnapshot();
    const step = currentStep(snapshot);
    const node = scenario.nodes[step];
    const ending = scenario.endings[step];
    const situation = h('section', { class: 'situation', 'aria-labelledby': 'situation-title' },
      h('h2', { id: 'situation-title' }, strings.situation),
      h('ul', {}, Object.entries(scenario.variables).map(([name, bounds]) => {
        const value = snapshot.context.variables[name] ?? bounds.initial;
        return h('li', {},
          h('span', { id: `var-${name}` }, fill(strings.meterValue, { label: variableLabel(name), level: level(name, value), value, max: bounds.max })),
          h('meter', { min: bounds.min, max: bounds.max, value, 'aria-labelledby': `var-${name}` }));
      })));
    let main: HTMLElement;
    if (feedback) {
      main = h('section', { class: 'feedback', 'aria-labelledby': 'feedback-title' },
        h('h2', { id: 'feedback-title', tabindex: -1 }, strings.whatHappened),
        h('p', { class: 'chosen' }, fill(strings.youChose, { label: feedback.label })),
        h('p', { 'data-testid': 'choice-feedback' }, feedback.text),
        h('button', { type: 'button', onclick: () => { feedback = null; paint(); } }, strings.continue));
    } else if (node) {
      const offered = seededOrder(availableChoices(scenario, step, snapshot.context.variables), orderSeed(snapshot.context.registration, activityId.scenario(scenario.id), step));
      main = h('section', { class: 'passage', 'aria-labelledby': 'passage-title' },
        h('h2', { id: 'passage-title', tabindex: -1 }, node.speaker ?? scenario.title),
        h('div', { class: 'text', 'data-testid': 'passage', html: html[step] ?? '' }),
        h('h3', { id: 'choices-title' }, strings.whatDoYouDo),
        h('ul', { class: 'choices', 'aria-labelledby': 'choices-title' },
          offered.map((c) => h('li', {}, h('button', { type: 'button', class: 'choice', 'data-choice': c.id, onclick: () => choose(c.id) }, c.label)))));
    } else {
      const better = corrections(scenario, snapshot.context.history);
      main = h('section', { class: 'debrief', 'aria-labelledby': 'debrief-title', 'data-outcome': ending!.outcome },
        h('h2', { id: 'debrief-title', tabindex: -1 }, `${strings.debriefTitle}: ${ending!.title}`),
        h('p', { class: `outcome outcome-${ending!.outcome}`, 'data-testid': 'outcome' }, outcomeText(ending!.outcome)),
        h('div', { class: 'text', html: html[step] ?? '' }),
        h('h3', {}, strings.scoresTitle),
        h('table', {},
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, strings.principle), h('th', { scope: 'col' }, strings.yourScore), h('th', { scope: 'col' }, strings.recommendedScore))),
          h('tbody', {}, scenario.principles.map((p) => h('tr', {}, h('th', { scope: 'row' }, data.principleLabels[p] ?? p), h('td', {}, String(snapshot.context.scores[p] ?? 0)), h('td', {}, String(recommendedScores[p] ?? 0)))))),
        better.length ? [h('h3', {}, strings.betterChoice), h('ul', {}, better.map((b) => h('li', {}, h('p', {}, fill(strings.youChose, { label: label(b.chose) })), h('p', {}, h('strong', {}, fill(strings.betterWas, { label: b.better.label })), ` ${b.better.feedback}`))))] : null,
        h('h3', {}, strings.pathTaken), h('ol', {}, snapshot.context.history.map((entry) => h('li', {}, label(entry.choice)))),
        h('h3', {}, strings.pathRecommended), h('ol', {}, recommendedPath.map((id) => h('li', {}, label(id)))),
        h('p', {}, h('button', { type: 'button', onclick: restart }, strings.retry)));
    }
    root.dataset.step = step;
    replace(root, h('header', {}, h('h1', {}, scenario.title), h('p', { class: 'summary' }, scenario.summary)), situation, main);
    root.querySelector<HTMLElement>('h2[tabindex]')?.focus();
  }

  paint();
  report();
}
