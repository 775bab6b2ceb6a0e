import type { Locale } from '../i18n/locales.ts';
import type { UiStrings } from '../i18n/index.ts';

/** What a module page hands to the <Section> components rendered inside its MDX body. */
export interface ModulePageContext {
  file: string;
  moduleSlug: string;
  lang: Locale;
  sections: { id: string; title: string }[];
  sectionLabel: (number: number) => string;
  progressStrings: UiStrings['progress'];
  accountHref: string;
  /** Print view: no buttons, no section navigation. */
  print: boolean;
  /** Labels for the previous/next section links. */
  nav: { label: string; previous: (title: string) => string; next: (title: string) => string };
}
