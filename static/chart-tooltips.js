// @ts-check
// Charts as a progressive enhancement: the overview is served without SvelteKit's client (it needs none). This small
// script shows a mark's `data-tooltip` lines beside it on hover or keyboard focus; on a touch screen the first tap on a
// mark shows its figures with a link to its rows, and a second tap follows it; the arrow keys move between a chart's
// marks, which are one tab stop (the server makes the first mark the only one in the tab order). Without the script
// the marks stay links with their native <title> and accessible names, and every figure is in the charts' tables.
(() => {
	const tooltip = document.createElement('div');
	tooltip.className = 'chart-tooltip';
	// Shown on hover or focus, it repeats the focused mark's accessible name, so it is for sighted readers only.
	tooltip.setAttribute('aria-hidden', 'true');
	tooltip.hidden = true;
	document.body.append(tooltip);

	/** @type {Element | null} the mark whose figures a tap showed, with their link */
	let tapped = null;
	let lastPointer = 'mouse';

	/** @param {EventTarget | null} target */
	const markOf = (target) => (target instanceof Element ? target.closest('[data-tooltip]') : null);

	/**
	 * @param {Element} mark
	 * @param {boolean} withLink after a tap: the heading links to the mark's rows, and the tooltip takes pointer events
	 */
	function show(mark, withLink) {
		const lines = (mark.getAttribute('data-tooltip') ?? '').split('\n');
		tooltip.replaceChildren(
			...lines.map((line, index) => {
				const href = mark.getAttribute('href');
				const span = document.createElement(index === 0 && withLink && href ? 'a' : 'span');
				span.textContent = line;
				if (span instanceof HTMLAnchorElement && href) span.href = href;
				if (index === 0) span.className = 'heading';
				return span;
			})
		);
		tooltip.classList.toggle('tapped', withLink);
		if (withLink) tooltip.removeAttribute('aria-hidden');
		else tooltip.setAttribute('aria-hidden', 'true');
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
		tapped = null;
	}

	document.addEventListener('pointerdown', (event) => {
		lastPointer = event.pointerType;
	});
	document.addEventListener('mouseover', (event) => {
		if (lastPointer !== 'mouse' || tapped) return;
		const mark = markOf(event.target);
		if (mark) show(mark, false);
		else if (!tooltip.hidden) hide();
	});
	document.addEventListener('click', (event) => {
		if (tooltip.contains(/** @type {Node} */ (event.target))) return;
		const mark = markOf(event.target);
		// A first tap shows the figures; a second tap on the same mark follows its link.
		if (mark && lastPointer !== 'mouse' && mark !== tapped) {
			event.preventDefault();
			show(mark, true);
			tapped = mark;
		} else if (!mark && !tooltip.hidden) hide();
	});
	document.addEventListener('focusin', (event) => {
		const mark = markOf(event.target);
		if (mark && mark !== tapped) show(mark, false);
	});
	document.addEventListener('focusout', (event) => {
		if (!tapped && !tooltip.contains(/** @type {Node} */ (event.relatedTarget))) hide();
	});
	document.addEventListener('keydown', (event) => {
		if (event.key === 'Escape') {
			hide();
			return;
		}
		const mark = markOf(event.target);
		const chart = mark?.closest('svg');
		if (!mark || !chart) return;
		const marks = [...chart.querySelectorAll('[data-tooltip]')];
		const index = marks.indexOf(mark);
		const next = {
			ArrowRight: index + 1,
			ArrowDown: index + 1,
			ArrowLeft: index - 1,
			ArrowUp: index - 1,
			Home: 0,
			End: marks.length - 1
		}[event.key];
		const target = next === undefined ? null : marks[Math.max(0, Math.min(marks.length - 1, next))];
		if (!target) return;
		event.preventDefault();
		// Roving tab stop: the mark last moved to is the chart's one place in the tab order.
		mark.setAttribute('tabindex', '-1');
		target.setAttribute('tabindex', '0');
		if (target instanceof SVGElement || target instanceof HTMLElement) target.focus();
	});
})();
