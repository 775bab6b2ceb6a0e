/**
 * The pages' Content-Security-Policy allows no eval: zod would otherwise probe for it (with
 * `new Function`) when the scenario schema's objects are built, and the browser would report a
 * violation. Imported first by the studio's island, before anything that imports the schema.
 */
import { config } from 'zod';

config({ jitless: true });
