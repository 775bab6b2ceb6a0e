/**
 * Build-time data for the scenario pages: scenarios from the content catalogue (the build fails
 * on any problem, naming the file and the node or choice), localized, and what the player needs
 * (player-data.ts: texts rendered by the one safe Markdown renderer, no raw HTML, no javascript:
 * links).
 * In development (`npm run dev`) the catalogue is read again when a file changed, so an edit
 * shows at the next page load, and a broken scenario shows its problems in the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../i18n/locales.ts';
import type { LoadedScenario } from './load.ts';
import { applyOverlay } from './overlay.ts';
import { playerData, type PlayerData } from './player-data.ts';
import type { Scenario } from './schema.ts';
import { assertValid, catalogueOf } from '../content/catalogue.ts';
import type { ScenarioDocument } from './workflow.ts';
import { documentFromFiles } from './yaml-io.ts';

/** Every case simulation of the content catalogue, analysed (the build stops on any problem). */
export function allScenarios(): LoadedScenario[] {
  return assertValid(catalogueOf(process.cwd())).scenarios;
}

export function localizedScenario(item: LoadedScenario, lang: Locale): { scenario: Scenario; translated: boolean } {
  const overlay = lang === 'en' ? undefined : item.overlays[lang];
  return { scenario: applyOverlay(item.scenario, overlay), translated: lang === 'en' || overlay !== undefined };
}

/** What the player needs for a built-in scenario in one language (player-data.ts). */
export function builtPlayerData(item: LoadedScenario, lang: Locale): PlayerData {
  return playerData(item.scenario, item.overlays, lang);
}

/**
 * A built-in scenario's folder as a studio document, exactly as its files hold it (not the
 * checked scenario with its defaults), so that improving it in the studio starts from the files.
 */
export function builtInDocument(id: string): ScenarioDocument {
  const dir = path.join(process.cwd(), 'content', 'scenarios', id);
  const files = readdirSync(dir).map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
  const { document, problems } = documentFromFiles(files);
  if (!document) throw new Error(`content/scenarios/${id}/ cannot be read for the studio: ${problems.map((p) => p.reason).join('; ')}`);
  return document;
}
