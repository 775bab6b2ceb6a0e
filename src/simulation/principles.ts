/**
 * The child-protection principles a scenario can score, and the module that teaches each.
 * Labels live in src/i18n/ui/<lang>.json under "principles".
 */
export const principles = [
  'child-first',
  'no-detention',
  'families-together',
  'participation',
  'confidentiality',
  'best-interests',
  'safety',
  'non-discrimination',
] as const;
export type Principle = (typeof principles)[number];

/** Where to learn more about a principle a learner missed. */
export const principleModules: Record<Principle, string> = {
  'child-first': 'children-on-the-move',
  'no-detention': 'at-the-border',
  'families-together': 'cross-border-case-management',
  participation: 'trauma-informed-interviewing',
  confidentiality: 'sharing-information-safely',
  'best-interests': 'cross-border-case-management',
  safety: 'trafficking-and-exploitation',
  'non-discrimination': 'enrolling-migrant-children',
};
