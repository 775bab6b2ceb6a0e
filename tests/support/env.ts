/** The superuser of the test PocketBase (a throwaway data dir per run). */
export const superuser = { email: 'superuser@tests.continuum.example', password: 'test-superuser-password' };
