// Keeps "closes in …" up to date while the page stays open; the server wrote the first value.
(() => {
  'use strict';
  const LOCALES = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };
  const locale = LOCALES[document.documentElement.lang] || 'en-GB';
  const unit = (n, u) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);

  function remaining(ms) {
    const minutes = Math.max(1, Math.floor(ms / 60000));
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const mins = minutes % 60;
    if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
    if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
    return unit(mins, 'minute');
  }

  function update() {
    for (const el of document.querySelectorAll('.countdown[data-closes-at]')) {
      const ms = new Date(el.dataset.closesAt).getTime() - Date.now();
      el.textContent = ms > 0 ? el.dataset.template.replace('{time}', remaining(ms)) : el.dataset.closing;
    }
  }

  if (document.querySelector('.countdown[data-closes-at]')) {
    update();
    window.setInterval(update, 30000);
  }
})();
