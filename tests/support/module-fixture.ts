/**
 * A lesson module that follows docs/writing-modules.md (sections `only` and `key-points`, an
 * example callout), for tests to break one rule at a time.
 */

/** The body: `text` is the first paragraph of the first section (line 4 of the body). */
export function moduleBody(text = 'Text.'): string {
  return `
<Section id="only">

${text}

<Callout kind="example" title="What would you do?">

A fictional case.

</Callout>

</Section>

<Section id="key-points">

- Remember this.

</Section>
`;
}

/** The whole file; `extra` is added to the frontmatter (e.g. 'minutes: 5\n'). */
export function moduleFile(extra = 'minutes: 5\n', text = 'Text.'): string {
  return `---
title: "A sample module"
summary: "A module for a test."
tracks: [teacher]
version: 1
objectives:
  - "Notice the mistake"
sections:
  - id: only
    title: "Only section"
  - id: key-points
    title: "Key points"
${extra}---
${moduleBody(text)}`;
}
