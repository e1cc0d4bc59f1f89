// The results page says how to print; with JavaScript, a button does it. A printed copy shows
// every detail section open (the print stylesheet does so too where the browser allows it),
// and the sections are put back as they were afterwards.
for (const button of document.querySelectorAll('.print-button')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
let closedForPrint = [];
window.addEventListener('beforeprint', () => {
  closedForPrint = [...document.querySelectorAll('details:not([open])')];
  for (const details of closedForPrint) details.open = true;
});
window.addEventListener('afterprint', () => {
  for (const details of closedForPrint) details.open = false;
  closedForPrint = [];
});
// A link to a section inside closed details (a tie note's "see Ties") opens it.
function openTarget() {
  const target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
  const details = target?.closest('details');
  if (details) details.open = true;
}
window.addEventListener('hashchange', openTarget);
openTarget();
