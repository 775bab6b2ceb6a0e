/**
 * Where a scenario's document comes from when a trainer opens, copies or improves it: their
 * draft, else the latest published version, else the built-in files (from the build).
 */
import type { ScenarioDocument } from '../../../simulation/workflow.ts';
import { documentFromFiles, filesFromZip, type ScenarioFile } from '../../../simulation/yaml-io.ts';
import { draftFor, publishedVersion, StudioError } from './studio-api.ts';

export async function builtInDocument(builtInHref: string, id: string): Promise<ScenarioDocument> {
  const response = await fetch(`${builtInHref}${encodeURIComponent(id)}.json`);
  if (!response.ok) throw new StudioError(`${response.status} ${response.statusText}`, response.status);
  return response.json();
}

/** The latest document of a scenario and the version it is based on. */
export async function latestDocument(builtInHref: string, id: string, builtInVersion: number | null): Promise<{ document: ScenarioDocument; baseVersion: number } | null> {
  const draft = await draftFor(id);
  if (draft) return { document: draft.document, baseVersion: draft.baseVersion };
  try {
    const published = await publishedVersion(id);
    if (published) return { document: published.document, baseVersion: published.version };
  } catch (error) {
    if (!(error instanceof StudioError) || error.status !== 404) throw error;
  }
  if (builtInVersion !== null) return { document: await builtInDocument(builtInHref, id), baseVersion: builtInVersion };
  return null;
}

/** The files a trainer chose (YAML files or a .zip), read as a document or the problems that stop it. */
export async function importFiles(list: FileList | File[]) {
  const files: ScenarioFile[] = [];
  for (const file of Array.from(list)) {
    if (/\.zip$/i.test(file.name)) files.push(...filesFromZip(new Uint8Array(await file.arrayBuffer())));
    else files.push({ name: file.webkitRelativePath || file.name, text: await file.text() });
  }
  return documentFromFiles(files);
}
