// The results page says how to print; with JavaScript, a button does it.
for (const button of document.querySelectorAll('.print-button')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
