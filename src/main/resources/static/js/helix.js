// Triple Helix: the only script of the web shell (no inline scripts: a strict CSP comes).

// Sends the CSRF token with every htmx request (Spring Security checks it on every write).
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="csrf-token"]');
  const header = document.querySelector('meta[name="csrf-header"]');
  if (token && header && token.content) {
    event.detail.headers[header.content] = token.content;
  }
});

// On a narrow screen the main navigation folds behind a "Menu" button. Without JavaScript the
// button stays hidden and the navigation stays open.
document.addEventListener('DOMContentLoaded', () => {
  const toggle = document.querySelector('.nav-toggle');
  const nav = document.getElementById('site-nav');
  if (!toggle || !nav) {
    return;
  }
  toggle.hidden = false;
  nav.classList.add('collapsible');
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', String(!open));
    nav.classList.toggle('open', !open);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && nav.classList.contains('open')) {
      toggle.setAttribute('aria-expanded', 'false');
      nav.classList.remove('open');
      toggle.focus();
    }
  });
});
