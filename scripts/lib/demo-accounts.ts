/**
 * Demo accounts for `npm start`: one learner per track, one supervisor (of all four
 * learners), one trainer and one admin. Fixed ids make seeding idempotent.
 * Everyone here is fictional.
 */
export const demoPassword = 'continuum-demo-2026';

export interface DemoAccount {
  id: string;
  email: string;
  name: string;
  role: 'learner' | 'supervisor' | 'trainer' | 'admin';
  track: 'border-officer' | 'teacher' | 'social-worker' | 'coordinator' | '';
  country: string;
  preferredLanguage: string;
  supervisor?: string;
}

export const demoAccounts: DemoAccount[] = [
  { id: 'demosupervisor1', email: 'supervisor@continuum.example', name: 'Grace Mwale (demo supervisor)', role: 'supervisor', track: 'coordinator', country: 'Zambia', preferredLanguage: 'en' },
  { id: 'demolearnerbord', email: 'officer@continuum.example', name: 'Joaquim Tembe (demo border officer)', role: 'learner', track: 'border-officer', country: 'Mozambique', preferredLanguage: 'pt', supervisor: 'demosupervisor1' },
  { id: 'demolearnerteac', email: 'teacher@continuum.example', name: 'Rosa Alvarado (demo teacher)', role: 'learner', track: 'teacher', country: 'Guatemala', preferredLanguage: 'es', supervisor: 'demosupervisor1' },
  { id: 'demolearnersoci', email: 'socialworker@continuum.example', name: 'Neema Mushi (demo social worker)', role: 'learner', track: 'social-worker', country: 'Tanzania', preferredLanguage: 'sw', supervisor: 'demosupervisor1' },
  { id: 'demolearnercoor', email: 'coordinator@continuum.example', name: 'Awa Diallo (demo coordinator)', role: 'learner', track: 'coordinator', country: 'Senegal', preferredLanguage: 'fr', supervisor: 'demosupervisor1' },
  { id: 'demotrainer0001', email: 'trainer@continuum.example', name: 'Samir Haddad (demo trainer)', role: 'trainer', track: 'coordinator', country: 'Sudan', preferredLanguage: 'ar' },
  { id: 'demoadmin000001', email: 'admin@continuum.example', name: 'Demo administrator', role: 'admin', track: '', country: '', preferredLanguage: 'en' },
];

/** Creates the demo accounts that are missing and resets the profile fields of the others. */
export async function seedDemoAccounts(url: string, superuserToken: string): Promise<{ created: number; kept: number }> {
  const headers = { 'content-type': 'application/json', authorization: superuserToken };
  let created = 0;
  let kept = 0;
  for (const account of demoAccounts) {
    const { id, email, ...profile } = account;
    const fields = { ...profile, supervisor: profile.supervisor ?? '' };
    const existing = await fetch(`${url}/api/collections/users/records/${id}`, { headers });
    if (existing.status === 404) {
      const response = await fetch(`${url}/api/collections/users/records`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ id, email, emailVisibility: true, verified: true, password: demoPassword, passwordConfirm: demoPassword, ...fields }),
      });
      if (!response.ok) throw new Error(`could not create demo account ${email}: ${response.status} ${await response.text()}`);
      created += 1;
    } else if (existing.ok) {
      const response = await fetch(`${url}/api/collections/users/records/${id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify(fields),
      });
      if (!response.ok) throw new Error(`could not update demo account ${email}: ${response.status} ${await response.text()}`);
      kept += 1;
    } else {
      throw new Error(`could not look up demo account ${email}: ${existing.status} ${await existing.text()}`);
    }
  }
  return { created, kept };
}
