/**
 * What a module page and its print view share: the localized entry, its rendered body and the
 * context its <Section> components read.
 */
import { render } from 'astro:content';
import { locales, type Locale } from '../i18n/locales.ts';
import { pickStrings, useTranslations } from '../i18n/index.ts';
import { localizedModule, moduleSlugs } from './catalog.ts';
import type { ModulePageContext } from './page-context.ts';

export async function modulePaths() {
  const slugs = await moduleSlugs();
  return locales.flatMap((lang) => slugs.map((module) => ({ params: { lang, module } })));
}

export async function loadModulePage(lang: Locale, slug: string, print: boolean) {
  const t = useTranslations(lang);
  const localized = await localizedModule(slug, lang);
  const { Content } = await render(localized.entry);
  const data = localized.entry.data;
  const progressStrings = pickStrings(lang, 'progress');
  const accountHref = `/${lang}/account/`;
  const context: ModulePageContext = {
    file: `content/modules/${localized.entry.id}.mdx`,
    moduleSlug: slug,
    lang,
    sections: data.sections,
    sectionLabel: (number) => t('module.sectionLabel', { number, total: data.sections.length }),
    progressStrings,
    accountHref,
    print,
    nav: {
      label: t('module.sectionNav'),
      previous: (title) => t('module.previousSection', { title }),
      next: (title) => t('module.nextSection', { title }),
    },
  };
  return { t, ...localized, data, Content, context, progressStrings, accountHref };
}
