// The exchange form, enhanced: "Add another statement" copies a blank statement in place (no round trip), and picking
// a known claimant fills in their side. Without this script the button posts the form and the server adds the statement.
(() => {
	const form = document.querySelector('form[action="?/send"]');
	const add = form && form.querySelector('[data-add-statement]');
	const list = form && form.querySelector('.statements');
	if (!add || !list) return;

	const renumber = (text, number) => text.replace(/\bs\d+\./, `s${number}.`).replace(/-s\d+-/, `-s${number}-`);

	add.addEventListener('click', (event) => {
		const statements = list.querySelectorAll('fieldset.statement');
		const last = statements[statements.length - 1];
		if (!last || statements.length >= 12) return;
		event.preventDefault();
		const number = statements.length + 1;
		const copy = last.cloneNode(true);
		copy.dataset.statement = String(number);
		for (const legend of copy.querySelectorAll('legend')) {
			legend.textContent = legend.textContent.replace(/\d+/, String(number));
		}
		for (const element of copy.querySelectorAll('[name], [id], [for], [aria-describedby]')) {
			for (const attribute of ['name', 'id', 'for', 'aria-describedby']) {
				const value = element.getAttribute(attribute);
				if (value)
					element.setAttribute(
						attribute,
						value
							.split(' ')
							.map((part) => renumber(part, number))
							.join(' ')
					);
			}
		}
		// A new statement starts blank and without the previous one's messages.
		for (const error of copy.querySelectorAll('.error')) error.remove();
		for (const field of copy.querySelectorAll('.invalid')) field.classList.remove('invalid');
		for (const control of copy.querySelectorAll('input, textarea, select')) {
			control.removeAttribute('aria-invalid');
			if (control.tagName === 'SELECT') control.selectedIndex = 0;
			else if (control.type === 'checkbox') control.checked = false;
			else control.value = '';
		}
		last.after(copy);
		copy.querySelector('input, select, textarea')?.focus();
	});

	// A claimant picked from the list: their side as the dataset records it (still editable).
	const sides = new Map(
		[...document.querySelectorAll('#claimant-names option')].map((option) => [option.value, option.dataset.side])
	);
	form.addEventListener('change', (event) => {
		const input = event.target;
		const match = input instanceof HTMLInputElement && /^(s\d+)\.claimant$/.exec(input.name);
		const side = match && sides.get(input.value);
		const select = side && form.querySelector(`select[name="${match[1]}.claimant_side"]`);
		if (select && select.value === '') select.value = side;
	});
})();
