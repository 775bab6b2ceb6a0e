/**
 * Tools on learner pages that only staff use: "Download the SCORM package" on module and scenario
 * pages, for supervisors, trainers and admins (the server route checks the role again:
 * pb_hooks/scorm.pb.js). The page has an empty slot with the words it needs
 * (components/ScormSlot.astro); the page's island calls mountStaffTools() (lib/backend.ts) when it
 * starts, which loads this file only for staff. Plain DOM; text is set with textContent only.
 */
import { locales, localeInfo, type Locale } from '../../i18n/locales.ts';
import { backend } from './backend.ts';
import { fill } from './format.ts';

interface SlotData {
  kind: 'module' | 'scenario';
  items: { id: string; title: string }[];
  lang: Locale;
  strings: Record<'scormHeading' | 'scormModuleIntro' | 'scormScenarioIntro' | 'scormLanguage' | 'scormModule' | 'scormDownload' | 'scormPreparing' | 'scormFailed', string>;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** A label and its control, side by side in the row. */
function field(text: string, control: HTMLSelectElement, id: string): HTMLElement {
  control.id = id;
  const wrap = element('span', '', { class: 'field' });
  wrap.append(element('label', text, { for: id }), control);
  return wrap;
}

export function mountScormDownload(slot: HTMLElement): void {
  if (slot.childElementCount > 0) return;
  const { kind, items, lang, strings } = JSON.parse(slot.dataset.props ?? '{}') as SlotData;
  // which lesson, when the slot offers several (the lessons list)
  const which = element('select');
  for (const item of items) which.append(element('option', item.title, { value: item.id }));
  const select = element('select');
  for (const l of locales) select.append(element('option', localeInfo[l].label, { value: l, lang: l }));
  select.value = lang;
  const button = element('button', strings.scormDownload, { type: 'button', 'data-testid': 'scorm-download' });
  const status = element('p', '', { role: 'status', class: 'meta' });
  const row = element('p', '', { class: 'row' });
  if (items.length > 1) row.append(field(strings.scormModule, which, 'scorm-item'));
  row.append(field(strings.scormLanguage, select, 'scorm-language'), button);
  const section = element('section', '', { class: 'scorm', 'aria-labelledby': 'scorm-title' });
  section.append(element('h2', strings.scormHeading, { id: 'scorm-title' }), element('p', kind === 'module' ? strings.scormModuleIntro : strings.scormScenarioIntro), row, status);
  slot.append(section);

  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = strings.scormPreparing;
    const id = which.value;
    try {
      const response = await fetch(`/api/continuum/scorm/${kind}/${id}?lang=${select.value}`, { headers: { Authorization: backend().authStore.token } });
      if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { message?: string }).message ?? String(response.status));
      const link = element('a', '', { href: URL.createObjectURL(await response.blob()), download: `continuum-${kind}-${id}-${select.value}.zip` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      status.textContent = '';
    } catch (error) {
      status.textContent = fill(strings.scormFailed, { message: error instanceof Error ? error.message : String(error) });
    } finally {
      button.disabled = false;
    }
  });
}
