/**
 * The environment for a child `astro` process started from a vitest test, without what vitest
 * adds (MODE, BASE_URL, NODE_ENV=test, VITEST...), which would change how astro builds and serves.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const vitestKeys = /^(VITEST.*|MODE|DEV|PROD|SSR|BASE_URL|NODE_ENV|TEST)$/;
  return { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !vitestKeys.test(k))), FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}
