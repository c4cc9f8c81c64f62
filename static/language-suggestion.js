// @ts-check
// On an English page, a reader whose browser prefers Ukrainian or Russian is offered, in that language, the same page
// in it. The page itself is the same for every reader, so it is cached once and never varies on Accept-Language: the
// choice is made here, in the browser, from the languages it would send. It only suggests: it never redirects.
(() => {
	const box = document.getElementById('language-suggestion');
	if (!box) return;
	try {
		if (sessionStorage.getItem('language-suggestion') === 'hidden') return;
	} catch {
		// Storage may be refused; the suggestion is then shown on each page until hidden there.
	}
	const offered = [...box.querySelectorAll('p[lang]')].map((item) => item.getAttribute('lang'));
	const first = (navigator.languages ?? [navigator.language])
		.map((language) => language.toLowerCase().split('-')[0])
		.find((language) => language === 'en' || offered.includes(language));
	const item = first && first !== 'en' ? box.querySelector(`p[lang="${first}"]`) : null;
	if (!(item instanceof HTMLElement)) return;
	item.hidden = false;
	box.hidden = false;
	item.querySelector('button')?.addEventListener('click', () => {
		box.hidden = true;
		try {
			sessionStorage.setItem('language-suggestion', 'hidden');
		} catch {
			// Hidden on this page only.
		}
	});
})();
