/** `npm run pocketbase:build`: get PocketBase (build from source when needed) and print its path. */
import { ensurePocketBase } from './lib/pocketbase-binary.ts';

ensurePocketBase()
  .then((binary) => console.log(binary))
  .catch((error: Error) => {
    console.error(`✗ ${error.message}`);
    process.exit(1);
  });
