/**
 * The steps trainers added to paths in the studio, as the server merged them
 * (GET /api/continuum/path-steps, public: it holds no personal data). Read once per page;
 * offline or on any failure, null: the page shows the paths it was built with.
 */
import type { ServedPathSteps } from '../../content/path-views.ts';

let served: Promise<ServedPathSteps | null> | undefined;

export function servedPathSteps(): Promise<ServedPathSteps | null> {
  served ??= fetch('/api/continuum/path-steps')
    .then((response) => (response.ok ? (response.json() as Promise<ServedPathSteps>) : null))
    .catch(() => null);
  return served;
}
