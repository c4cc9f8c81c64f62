// An embed is a document like the overview: served without SvelteKit's client; tooltips come from /chart-tooltips.js.
export const csr = false;
