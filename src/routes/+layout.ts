// Public pages are documents: they are served without SvelteKit's client, which keeps each page's JavaScript to a few
// small progressive scripts (/chart-tooltips.js, /copy-buttons.js, /language-suggestion.js); forms are plain GET or POST forms.
export const csr = false;
