// Pages work without this script; it only makes them nicer.
document.addEventListener('DOMContentLoaded', () => {
  for (const field of document.querySelectorAll('[data-copy]')) {
    field.addEventListener('focus', () => field.select());
  }
  const summary = document.querySelector('.error-summary[tabindex="-1"]');
  if (summary) summary.focus();
});
