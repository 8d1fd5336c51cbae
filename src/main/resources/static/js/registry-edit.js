// Triple Helix: the registry's edit forms and other forms with pickers (no inline scripts under the CSP).
// The forms work without it; with it, a suggestion chosen in a picker shows its name at once,
// and in a list picker (an output's people and organizations) joins the list without a round trip;
// the challenge application form uses the same pickers for its lead, partners and people; the registration
// form and an administrator's links of a user show names in the box and carry the ids in hidden fields.

(() => {
  // The option of an input's datalist whose value is what the input holds, if any.
  const chosenOption = (input) => {
    const list = input.list;
    if (!list || !input.value) {
      return null;
    }
    return Array.from(list.options).find((option) => option.value === input.value) || null;
  };

  // One organization: show the chosen suggestion's name beside the input.
  const showPicked = (input) => {
    const option = chosenOption(input);
    const target = document.getElementById(input.dataset.picked);
    if (option && target) {
      target.textContent = option.textContent.trim();
    }
  };

  // A picker that shows names (registration, a user's links): the chosen suggestion's id goes to the hidden
  // field named by data-id-field and its name (data-name) into the box; typing something else in the box
  // afterwards empties the hidden field, so the server goes by what the box says.
  const pickById = (input) => {
    const hidden = document.getElementById(input.dataset.idField);
    if (!hidden) {
      return;
    }
    const option = chosenOption(input);
    if (option) {
      hidden.value = option.value;
      input.value = option.dataset.name || option.textContent.trim();
      input.dataset.pickedName = input.value;
    } else if (input.value !== input.dataset.pickedName) {
      hidden.value = '';
    }
  };

  // A list: add the record as a ticked box, once, and empty the input for the next one.
  const addToList = (input, label) => {
    const list = document.getElementById(input.dataset.addTo);
    const value = input.value.trim();
    if (!list || !value) {
      return;
    }
    const exists = Array.from(list.querySelectorAll('input[type=checkbox]')).some((box) => box.value === value);
    if (!exists) {
      const item = document.createElement('li');
      const labelElement = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = input.dataset.addName;
      box.value = value;
      box.checked = true;
      labelElement.append(box, ' ' + (label || value));
      item.append(labelElement);
      list.append(item);
    }
    input.value = '';
  };

  // A field of ids (a challenge application's partners and people, a demand's parties): the chosen id joins it once,
  // on a line of its own, each line ended as the server shows them (an id holding a comma stays whole). The ids already
  // there are read as the server reads them (shared/web FormLists.ids): one a line when there is a line break, else
  // separated by commas, semicolons or 、; whitespace, which no id holds, separates them always.
  const appendTo = (input) => {
    const area = document.getElementById(input.dataset.appendTo);
    const value = input.value.trim();
    if (!area || !value) {
      return;
    }
    const separators = /[\r\n]/.test(area.value) ? /[\s\u0085]+/ : /[\s\u0085,，;；、]+/;
    const ids = area.value.split(separators).filter((id) => id);
    if (!ids.includes(value)) {
      area.value = ids.concat(value).map((id) => id + '\n').join('');
    }
    input.value = '';
  };

  document.addEventListener('input', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) {
      return;
    }
    if (input.dataset.picked) {
      showPicked(input);
    }
    if (input.dataset.idField) {
      pickById(input);
    }
    if (input.dataset.addTo) {
      const option = chosenOption(input);
      if (option) {
        addToList(input, option.textContent.trim());
      }
    }
    if (input.dataset.appendTo && chosenOption(input)) {
      appendTo(input);
    }
  });

  // Enter in a list picker adds what was typed (an id) instead of saving the form.
  document.addEventListener('keydown', (event) => {
    const input = event.target;
    if (event.key === 'Enter' && input instanceof HTMLInputElement && input.dataset.addTo && input.value.trim()) {
      event.preventDefault();
      const option = chosenOption(input);
      addToList(input, option ? option.textContent.trim() : null);
    }
    if (event.key === 'Enter' && input instanceof HTMLInputElement && input.dataset.appendTo && input.value.trim()) {
      event.preventDefault();
      appendTo(input);
    }
  });

  // A form that comes back with errors: focus the summary, so keyboard and screen-reader users start there.
  document.addEventListener('DOMContentLoaded', () => {
    const problems = document.getElementById('form-problems');
    if (problems) {
      problems.focus();
    }
  });
})();
