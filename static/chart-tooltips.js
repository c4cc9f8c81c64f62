// @ts-check
// Chart tooltips as a progressive enhancement: the overview is served without SvelteKit's client (it needs none),
// and this small script shows a mark's `data-tooltip` lines beside it on hover or keyboard focus. Without it, the
// marks keep their native <title> and their accessible names, and every figure is in the charts' data tables.
(() => {
	const tooltip = document.createElement('div');
	tooltip.className = 'chart-tooltip';
	// The focused mark's accessible name already says the same, so the tooltip is for sighted readers only.
	tooltip.setAttribute('aria-hidden', 'true');
	tooltip.hidden = true;
	document.body.append(tooltip);

	/** @param {EventTarget | null} target */
	const markOf = (target) => (target instanceof Element ? target.closest('[data-tooltip]') : null);

	/** @param {Element} mark */
	function show(mark) {
		const lines = (mark.getAttribute('data-tooltip') ?? '').split('\n');
		tooltip.replaceChildren(
			...lines.map((line, index) => {
				const span = document.createElement('span');
				span.textContent = line;
				if (index === 0) span.className = 'heading';
				return span;
			})
		);
		tooltip.hidden = false;
		const markBox = mark.getBoundingClientRect();
		const tipBox = tooltip.getBoundingClientRect();
		const gap = 8;
		const left = Math.min(
			Math.max(gap, markBox.left + markBox.width / 2 - tipBox.width / 2),
			document.documentElement.clientWidth - tipBox.width - gap
		);
		const above = markBox.top - tipBox.height - gap;
		const top = above >= 0 ? above : markBox.bottom + gap;
		tooltip.style.left = `${left + window.scrollX}px`;
		tooltip.style.top = `${top + window.scrollY}px`;
	}

	function hide() {
		tooltip.hidden = true;
	}

	document.addEventListener('mouseover', (event) => {
		const mark = markOf(event.target);
		if (mark) show(mark);
		else if (!tooltip.hidden) hide();
	});
	document.addEventListener('focusin', (event) => {
		const mark = markOf(event.target);
		if (mark) show(mark);
	});
	document.addEventListener('focusout', hide);
	document.addEventListener('keydown', (event) => {
		if (event.key === 'Escape') hide();
	});
})();
