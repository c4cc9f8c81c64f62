// The maintainers' review queue keeps SvelteKit's client, so that approving or reverting keeps the page's scroll place.
export const csr = true;
