/**
 * The studio's tabs other than the forms (CodeMirror, dagre, the learners' player, the diff):
 * imported by the editor when a trainer first opens one of them, so that the studio's first
 * load carries only the list, the forms and the checks.
 */
export { default as YamlView } from '../YamlView.svelte';
export { default as StudioGraph } from '../StudioGraph.svelte';
export { default as Simulate } from '../Simulate.svelte';
export { default as Preview } from '../Preview.svelte';
export { default as Translate } from '../Translate.svelte';
export { default as ReviewPanel } from '../ReviewPanel.svelte';
