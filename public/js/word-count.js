// Keeps the overview form's "Length: N of at most M words" up to date while the delegation types.
// The server counts again on every save and its count decides; this one strips the Markdown the
// same way closely enough to tell the writer where they stand. Screen readers hear the count
// once typing pauses, not at every key.
(() => {
  'use strict';
  const LOCALES = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };
  const shown = document.getElementById('word-count');
  if (!shown || !shown.dataset.template) return;
  const form = shown.closest('form');
  const fields = form ? [...form.querySelectorAll('textarea[data-counted]')] : [];
  const max = Number(shown.dataset.max);
  const number = new Intl.NumberFormat(LOCALES[document.documentElement.lang] || 'en-GB');
  const announcer = document.createElement('p');
  announcer.className = 'visually-hidden';
  announcer.setAttribute('aria-live', 'polite');
  shown.after(announcer);
  shown.removeAttribute('aria-live');

  function words(markdown) {
    const text = markdown
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
      .replace(/<[^>]*>/g, ' ') // HTML, which the sanitiser drops
      .replace(/^\s{0,3}(#{1,6}|[-*+]|\d+[.)]|>)\s+/gm, ' ') // heading, list and quote marks
      .replace(/[*_`~]+/g, ' ');
    return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) || []).length;
  }

  let timer = 0;
  function update() {
    const total = fields.reduce((n, f) => n + words(f.value), 0);
    const message = shown.dataset.template.replace('{words}', number.format(total)).replace('{max}', number.format(max))
      + (total > max ? ` ${shown.dataset.over}` : '');
    shown.textContent = message;
    shown.classList.toggle('field-error', total > max);
    window.clearTimeout(timer);
    timer = window.setTimeout(() => { announcer.textContent = message; }, 1200);
  }

  for (const f of fields) f.addEventListener('input', update);
})();
