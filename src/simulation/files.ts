/**
 * What belongs in a scenario folder: scenario.yaml and one <lang>.yaml overlay per language.
 * A file named otherwise (fr.yml, french.yaml, FR.yaml) would be ignored without a word; this
 * says which name it needs. Pure: the loader passes the file names it found.
 */
import { localeInfo, locales } from '../i18n/locales.ts';
import type { ScenarioProblem } from './schema.ts';

const overlayLocales = locales.filter((l) => l !== 'en');

/** Names a trainer may use for a language, lower-case, without accents: "french", "francais", "kiswahili". */
const languageNames: Record<string, string> = Object.fromEntries(
  locales.flatMap((l) => [
    [l, l],
    [localeInfo[l].englishName.toLowerCase(), l],
    [localeInfo[l].label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(), l],
  ]),
);

/**
 * Problems with the files of content/scenarios/<id>/: anything that is not scenario.yaml or
 * <lang>.yaml for one of our languages, with the name it should have.
 * @example scenarioFolderProblems('content/scenarios/x/', ['scenario.yaml', 'fr.yml'])[0].fix // 'rename it to fr.yaml'
 */
export function scenarioFolderProblems(folder: string, names: readonly string[]): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const expected = ['scenario.yaml', ...overlayLocales.map((l) => `${l}.yaml`)];
  for (const name of names) {
    if (expected.includes(name) || name.startsWith('.')) continue;
    const file = `${folder}${name}`;
    const base = name.replace(/\.(ya?ml)$/i, '');
    const yaml = base !== name;
    const lang = languageNames[base.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()];
    if (lang === 'en') {
      problems.push({ file, where: '(file name)', reason: 'this file is not read: the English text lives in scenario.yaml', fix: 'move its texts into scenario.yaml and delete this file' });
    } else if (lang) {
      problems.push({ file, where: '(file name)', reason: `this file is not read: overlays are named by language code`, fix: `rename it to ${lang}.yaml` });
    } else if (/^scenario\.yml$/i.test(name) || (yaml && base.toLowerCase() === 'scenario')) {
      problems.push({ file, where: '(file name)', reason: 'this file is not read', fix: 'rename it to scenario.yaml' });
    } else {
      problems.push({
        file,
        where: '(file name)',
        reason: 'this file is not read: a scenario folder holds scenario.yaml and <lang>.yaml overlays only',
        fix: `name an overlay after its language code (${overlayLocales.map((l) => `${l}.yaml`).join(', ')}), or move this file out of content/scenarios/`,
      });
    }
  }
  return problems;
}
