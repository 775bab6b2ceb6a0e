/**
 * The node forms a trainer has open, reactive. A small class on $state rather than svelte's
 * SvelteSet, whose runtime would land in the Svelte chunk that every learner page shares.
 */
export class OpenSet {
  ids = $state<string[]>([]);

  has(id: string): boolean {
    return this.ids.includes(id);
  }

  add(id: string): this {
    if (!this.has(id)) this.ids = [...this.ids, id];
    return this;
  }

  /** Closes one; whether it was open. */
  delete(id: string): boolean {
    const open = this.has(id);
    if (open) this.ids = this.ids.filter((x) => x !== id);
    return open;
  }
}
