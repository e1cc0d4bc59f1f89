// The ballot form works without this script: one rank select per option. With it, each question
// becomes an ordered list arranged by drag and drop, by buttons or by the arrow keys, announced to
// screen readers; the selects stay in the form, kept in step, so the same fields are posted.
(() => {
  'use strict';

  const form = document.querySelector('form.ballot-form');
  if (!form) return;
  const text = (name, values = {}) =>
    (form.dataset[name] || '').replace(/\{(\w+)\}/g, (_, key) => (key in values ? String(values[key]) : `{${key}}`));

  const live = document.createElement('div');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  live.id = 'ranking-status';
  form.prepend(live);
  let clearTimer;
  function announce(message) {
    // A fresh text node each time, so the same sentence twice is still read.
    live.textContent = '';
    window.setTimeout(() => { live.textContent = message; }, 30);
    window.clearTimeout(clearTimer);
    clearTimer = window.setTimeout(() => { live.textContent = ''; }, 8000);
  }

  function button(className, visible, label, icon, title) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `small ${className}`;
    if (icon) {
      const i = document.createElement('span');
      i.setAttribute('aria-hidden', 'true');
      i.textContent = icon;
      b.append(i);
    }
    if (visible) b.append(document.createTextNode(` ${visible}`));
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = label;
    b.append(hidden);
    if (!visible) b.title = title;
    return b;
  }

  /** "Move up: (a) Topic", punctuated as the page's language wants; without an action, ": (a) Topic". */
  const labelFor = (action, o) => text('tLabelFor', { action: action ? text(action) : '', title: o.name });

  for (const fieldset of form.querySelectorAll('fieldset.question[data-question]')) enhance(fieldset);

  function enhance(fieldset) {
    const qid = fieldset.dataset.question;
    const max = Number(fieldset.dataset.maxRanks);
    const selectList = fieldset.querySelector('.rank-selects');
    const abstain = fieldset.querySelector('.abstain-box');
    const options = [...selectList.querySelectorAll('.rank-select')].map((row, position) => {
      const label = row.querySelector('label');
      const hint = row.querySelector('.option-description');
      return {
        id: row.dataset.option, position, select: row.querySelector('select'),
        name: label.textContent.replace(/\s+/g, ' ').trim(),
        labelHtml: label.cloneNode(true), hint: hint ? hint.cloneNode(true) : null,
      };
    });
    const byId = new Map(options.map((o) => [o.id, o]));
    // The starting order: by rank as the selects say, then in the order shown.
    let order = options.filter((o) => /^\d+$/.test(o.select.value))
      .sort((a, b) => Number(a.select.value) - Number(b.select.value) || a.position - b.position)
      .slice(0, max).map((o) => o.id);

    const ranker = document.createElement('div');
    ranker.className = 'ranker';
    const keys = document.createElement('p');
    keys.className = 'hint';
    keys.id = `q${qid}-keys`;
    keys.textContent = text('tKeys');
    const rankedHeading = document.createElement('h3');
    rankedHeading.id = `q${qid}-ranked-heading`;
    rankedHeading.textContent = text('tYourRanking');
    const ranked = document.createElement('ol');
    ranked.className = 'ranked drop-zone';
    ranked.setAttribute('aria-labelledby', rankedHeading.id);
    ranked.setAttribute('aria-describedby', keys.id);
    const emptyNote = document.createElement('p');
    emptyNote.className = 'empty-note';
    const fullNote = document.createElement('p');
    fullNote.className = 'hint full-note';
    const unrankedHeading = document.createElement('h3');
    unrankedHeading.id = `q${qid}-unranked-heading`;
    unrankedHeading.textContent = text('tUnranked');
    const unranked = document.createElement('ul');
    unranked.className = 'unranked drop-zone';
    unranked.setAttribute('aria-labelledby', unrankedHeading.id);
    const allRankedNote = document.createElement('p');
    allRankedNote.className = 'hint';
    allRankedNote.textContent = text('tAllRanked');
    ranker.append(keys, rankedHeading, ranked, emptyNote, fullNote, unrankedHeading, unranked, allRankedNote);
    selectList.before(ranker);
    selectList.hidden = true;

    function sync() {
      for (const o of options) o.select.value = order.includes(o.id) ? String(order.indexOf(o.id) + 1) : '';
    }

    function item(o, isRanked, index) {
      const li = document.createElement('li');
      li.className = 'rank-item';
      li.dataset.option = o.id;
      li.draggable = !disabled();
      const body = document.createElement('div');
      body.className = 'rank-body';
      if (isRanked) {
        li.tabIndex = 0;
        li.setAttribute('aria-label', `${index + 1}. ${o.name}`);
        const badge = document.createElement('span');
        badge.className = 'rank-number';
        badge.setAttribute('aria-hidden', 'true');
        badge.textContent = String(index + 1);
        li.append(badge);
      }
      const name = document.createElement('span');
      name.className = 'rank-name';
      name.append(...o.labelHtml.cloneNode(true).childNodes);
      body.append(name);
      if (o.hint) {
        const hint = o.hint.cloneNode(true);
        hint.removeAttribute('id');
        body.append(hint);
      }
      li.append(body);
      const actions = document.createElement('div');
      actions.className = 'rank-actions';
      if (isRanked) {
        const up = button('move-up', '', labelFor('tMoveUp', o), '↑', text('tMoveUp'));
        const down = button('move-down', '', labelFor('tMoveDown', o), '↓', text('tMoveDown'));
        const remove = button('remove', '', labelFor('tRemove', o), '✕', text('tRemove'));
        up.disabled = index === 0;
        down.disabled = index === order.length - 1;
        up.addEventListener('click', () => move(o.id, index - 1, 'move-up'));
        down.addEventListener('click', () => move(o.id, index + 1, 'move-down'));
        remove.addEventListener('click', () => removeFromRanking(o.id));
        actions.append(up, down, remove);
      } else {
        // Shown "Add to ranking"; read "Add to ranking: <option>".
        const add = button('add', text('tAdd'), labelFor(null, o), '+');
        add.disabled = order.length >= max;
        add.addEventListener('click', () => addToRanking(o.id, order.length));
        actions.append(add);
      }
      li.append(actions);
      li.addEventListener('dragstart', (event) => {
        event.dataTransfer.setData('text/plain', `${qid}:${o.id}`);
        event.dataTransfer.effectAllowed = 'move';
        li.classList.add('dragging');
      });
      li.addEventListener('dragend', () => { li.classList.remove('dragging'); clearDropMarks(); });
      if (isRanked) {
        li.addEventListener('keydown', (event) => {
          if (event.target !== li || disabled()) return;
          if (event.key === 'ArrowUp' && index > 0) { event.preventDefault(); move(o.id, index - 1, 'item'); }
          else if (event.key === 'ArrowDown' && index < order.length - 1) { event.preventDefault(); move(o.id, index + 1, 'item'); }
          else if (event.key === 'Delete' || event.key === 'Backspace') { event.preventDefault(); removeFromRanking(o.id); }
        });
      }
      return li;
    }

    function disabled() {
      return abstain ? abstain.checked : false;
    }

    function render(focus) {
      ranked.replaceChildren(...order.map((id, i) => item(byId.get(id), true, i)));
      const rest = options.filter((o) => !order.includes(o.id));
      unranked.replaceChildren(...rest.map((o) => item(o, false, -1)));
      emptyNote.textContent = order.length === 0 ? text('tEmpty') : '';
      emptyNote.hidden = order.length !== 0;
      fullNote.textContent = order.length >= max && rest.length > 0 ? text('tFull', { max }) : '';
      fullNote.hidden = fullNote.textContent === '';
      allRankedNote.hidden = rest.length !== 0;
      const off = disabled();
      ranker.classList.toggle('is-abstaining', off);
      for (const b of ranker.querySelectorAll('button')) if (off) b.disabled = true;
      for (const li of ranker.querySelectorAll('.rank-item')) if (off) li.removeAttribute('tabindex');
      for (const o of options) o.select.disabled = off;
      sync();
      if (focus) {
        const li = (focus.ranked ? ranked : unranked).querySelector(`[data-option="${focus.id}"]`);
        const target = li && (focus.control ? li.querySelector(`.${focus.control}`) : li);
        if (target && !target.disabled) target.focus();
        else if (li) (li.tabIndex >= 0 ? li : li.querySelector('button:not(:disabled)') || ranked).focus();
      }
    }

    function move(id, to, control) {
      const from = order.indexOf(id);
      if (from < 0 || to < 0 || to >= order.length || to === from) return;
      order.splice(from, 1);
      order.splice(to, 0, id);
      render({ id, ranked: true, control: control === 'item' ? null : control });
      announce(text('tMoved', { title: byId.get(id).name, rank: to + 1, total: order.length }));
    }

    function addToRanking(id, at) {
      if (order.includes(id)) return move(id, Math.min(at, order.length - 1), 'item');
      if (order.length >= max) { announce(text('tFull', { max })); return; }
      order.splice(Math.min(at, order.length), 0, id);
      render({ id, ranked: true, control: null });
      announce(text('tAdded', { title: byId.get(id).name, rank: order.indexOf(id) + 1, total: order.length }));
    }

    function removeFromRanking(id) {
      const from = order.indexOf(id);
      if (from < 0) return;
      order.splice(from, 1);
      const next = order[Math.min(from, order.length - 1)];
      render(next ? { id: next, ranked: true, control: null } : { id, ranked: false, control: 'add' });
      announce(text('tRemoved', { title: byId.get(id).name, total: order.length }));
    }

    // Drag and drop: onto the ranking at the place under the pointer, or back to the unranked list.
    function clearDropMarks() {
      for (const el of ranker.querySelectorAll('.drop-before, .drop-after, .drop-target')) el.classList.remove('drop-before', 'drop-after', 'drop-target');
    }
    function dropIndex(event) {
      const items = [...ranked.querySelectorAll('.rank-item:not(.dragging)')];
      const index = items.findIndex((li) => { const box = li.getBoundingClientRect(); return event.clientY < box.top + box.height / 2; });
      return { items, index: index < 0 ? items.length : index };
    }
    function dragged(event) {
      const [q, id] = (event.dataTransfer.getData('text/plain') || '').split(':');
      return q === qid && byId.has(id) ? id : null;
    }
    ranked.addEventListener('dragover', (event) => {
      if (disabled()) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      clearDropMarks();
      ranked.classList.add('drop-target');
      const { items, index } = dropIndex(event);
      if (items[index]) items[index].classList.add('drop-before');
      else if (items.length) items[items.length - 1].classList.add('drop-after');
    });
    ranked.addEventListener('dragleave', (event) => { if (!ranked.contains(event.relatedTarget)) clearDropMarks(); });
    ranked.addEventListener('drop', (event) => {
      event.preventDefault();
      clearDropMarks();
      const id = dragged(event);
      if (!id || disabled()) return;
      const { items, index } = dropIndex(event);
      // The index counts the items without the one dragged, which is where it lands.
      const before = items[index] ? items[index].dataset.option : null;
      if (order.includes(id)) {
        order.splice(order.indexOf(id), 1);
        const to = before ? order.indexOf(before) : order.length;
        order.splice(to, 0, id);
        render({ id, ranked: true, control: null });
        announce(text('tMoved', { title: byId.get(id).name, rank: to + 1, total: order.length }));
      } else {
        addToRanking(id, before ? order.indexOf(before) : order.length);
      }
    });
    unranked.addEventListener('dragover', (event) => {
      if (disabled()) return;
      event.preventDefault();
      clearDropMarks();
      unranked.classList.add('drop-target');
    });
    unranked.addEventListener('dragleave', (event) => { if (!unranked.contains(event.relatedTarget)) clearDropMarks(); });
    unranked.addEventListener('drop', (event) => {
      event.preventDefault();
      clearDropMarks();
      const id = dragged(event);
      if (id && order.includes(id) && !disabled()) removeFromRanking(id);
    });

    if (abstain) {
      abstain.addEventListener('change', () => {
        render(null);
        announce(text(abstain.checked ? 'tAbstaining' : 'tNotAbstaining'));
      });
    }
    render(null);
  }
})();
