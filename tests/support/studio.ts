/** Studio drafts for the tests, made as a trainer's studio makes them (the API of the studio). */
import { expect, type APIRequestContext } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { documentFromFiles } from '../../src/simulation/yaml-io.ts';
import { withTranslationBaseline } from '../../src/simulation/translation.ts';
import type { ScenarioDocument } from '../../src/simulation/workflow.ts';
import { baseURL, type Person } from './pb.ts';

/** A built-in scenario's files as a studio document, under another id. */
export function builtInCopy(builtIn: string, id: string): ScenarioDocument {
  const dir = `content/scenarios/${builtIn}`;
  const { document } = documentFromFiles(readdirSync(dir).map((name) => ({ name, text: readFileSync(`${dir}/${name}`, 'utf8') })));
  return withTranslationBaseline({ ...document!, scenario: { ...document!.scenario, id } });
}

export async function createDraft(request: APIRequestContext, trainer: Person, document: ScenarioDocument): Promise<{ id: string; revision: number }> {
  const created = await request.post(`${baseURL}/api/collections/scenario_drafts/records`, {
    headers: { Authorization: trainer.token },
    data: { scenario: document.scenario.id, title: document.scenario.title, document, baseVersion: 0 },
  });
  expect(created.status(), await created.text()).toBe(200);
  return created.json();
}
