// Sends the CSRF token with every htmx request (Spring Security checks it on every write).
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="csrf-token"]');
  const header = document.querySelector('meta[name="csrf-header"]');
  if (token && header && token.content) {
    event.detail.headers[header.content] = token.content;
  }
});
