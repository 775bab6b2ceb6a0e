/**
 * `npm run dev`: the development loop. PocketBase (with the same data as `npm start`) on
 * port 8090 for the API, and `astro dev` on port 4321 for the pages with hot reload; the dev
 * server proxies /api to PocketBase (astro.config.mjs), so the islands work unchanged.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensurePocketBase } from './lib/pocketbase-binary.ts';
import { bundleHooksLibrary } from './lib/hooks-bundle.ts';
import { portInUse, startPocketBase } from './lib/pb-process.ts';
import { dataDir, root } from './lib/paths.ts';

const pbPort = Number(process.env.PB_PORT ?? 8090);

async function main() {
  if (await portInUse(pbPort)) throw new Error(`Port ${pbPort} is in use; stop the other PocketBase or set PB_PORT.`);
  const binary = await ensurePocketBase();
  await bundleHooksLibrary({ strict: false });
  // PocketBase's own development mode is left to it here (the one script without --dev=false);
  // the pages come from astro dev, whose proxy makes /api same-origin for the browser
  const pb = await startPocketBase({ binary, dataDir, port: pbPort, output: 'inherit', dev: true, origins: ['http://localhost:4321', 'http://127.0.0.1:4321'] });
  console.log(`PocketBase API on ${pb.url} (data in ${path.relative(root, dataDir)}/; run npm start once for demo accounts)`);
  const astro = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CONTINUUM_PB_URL: pb.url },
  });
  const stop = async () => {
    astro.kill('SIGTERM');
    await pb.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  astro.once('exit', () => void stop());
}

main().catch((error: Error) => {
  console.error(`✗ ${error.message}`);
  process.exit(1);
});
