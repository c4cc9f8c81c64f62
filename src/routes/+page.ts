// The overview is a document: it is served without SvelteKit's client, which keeps its JavaScript far under the
// 50 kB budget; chart tooltips come from /chart-tooltips.js, a small progressive enhancement.
export const csr = false;
