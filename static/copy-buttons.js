// @ts-check
// Copy buttons as a progressive enhancement: pages are served without SvelteKit's client, so this small script shows
// the hidden `data-copy` buttons when the browser offers a clipboard and copies the text of the element they name.
// Without it the buttons stay hidden and the text stays on the page, selectable as ever.
(() => {
	if (!navigator.clipboard) return;
	for (const button of document.querySelectorAll('button[data-copy]')) {
		if (!(button instanceof HTMLButtonElement)) continue;
		button.hidden = false;
		button.addEventListener('click', async () => {
			const source = document.getElementById(button.dataset.copy ?? '');
			if (!source) return;
			await navigator.clipboard.writeText(source.textContent ?? '');
			button.textContent = button.dataset.copied ?? button.textContent;
		});
	}
})();
