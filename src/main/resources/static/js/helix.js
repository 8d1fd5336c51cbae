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

// A region whose links replace it with htmx (the instrument calendar: previous, today, next, the views) takes its
// clicks one after the other: marked data-clicks-in-order, it is aria-busy while it loads, and a click on one of its
// links meanwhile is held and made again, once the new content is in, on the new link of the same id. Sent at once,
// two requests would race and the answer arriving last would win, whichever click it was for; and a click on the old
// content asks for the old content's next month. So next, next is two months on, and next, previous is back where it
// was. Nothing is aborted (htmx logs an aborted request as an error). A click on a link without an id while the region
// loads is dropped, and so is a held click whose link the new content no longer has.
(() => {
  const held = new WeakMap(); // region → ids of the links clicked while it loaded, in order
  const regionOf = (detail) => {
    const target = detail.target;
    return target && target.matches && target.matches('[data-clicks-in-order]') && target.contains(detail.elt) ? target : null;
  };
  const done = (region) => {
    region.removeAttribute('aria-busy');
    const ids = held.get(region) || [];
    while (ids.length > 0) {
      const link = document.getElementById(ids.shift());
      if (link && region.contains(link)) {
        link.click(); // htmx asks again (htmx:confirm below marks the region busy) and the rest wait for that answer
        return;
      }
    }
  };
  document.addEventListener('htmx:confirm', (event) => {
    const region = regionOf(event.detail);
    if (!region) {
      return;
    }
    if (region.getAttribute('aria-busy') === 'true') {
      event.preventDefault();
      if (event.detail.elt.id) {
        if (!held.has(region)) {
          held.set(region, []);
        }
        held.get(region).push(event.detail.elt.id);
      }
      return;
    }
    region.setAttribute('aria-busy', 'true');
  });
  // the new content is in and htmx has wired its links: the next held click can be made
  document.addEventListener('htmx:afterSettle', (event) => {
    if (event.target.matches && event.target.matches('[data-clicks-in-order][aria-busy="true"]')) {
      done(event.target);
    }
  });
  // no new content (an error answer, no answer): the region is free again, and a held click is made on what is there
  document.addEventListener('htmx:afterRequest', (event) => {
    const region = regionOf(event.detail);
    if (region && !event.detail.successful) {
      done(region);
    }
  });
  // a page restored from htmx's history was saved while its region loaded: nothing of that load is pending now
  document.addEventListener('htmx:historyRestore', () => {
    document.querySelectorAll('[data-clicks-in-order][aria-busy]').forEach((region) => region.removeAttribute('aria-busy'));
  });
})();
