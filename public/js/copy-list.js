// Adds a "Copy" button beside a read-only list; without JavaScript the list can be selected and copied by hand.
document.addEventListener('DOMContentLoaded', () => {
  for (const holder of document.querySelectorAll('[data-copy-button-for]')) {
    const field = document.getElementById(holder.dataset.copyButtonFor);
    if (!field) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = holder.dataset.copyLabel;
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'copy-status';
    button.addEventListener('click', async () => {
      field.focus();
      field.select();
      try {
        await window.navigator.clipboard.writeText(field.value);
      } catch {
        document.execCommand('copy');
      }
      status.textContent = holder.dataset.copiedLabel;
    });
    holder.append(button, ' ', status);
  }
});
