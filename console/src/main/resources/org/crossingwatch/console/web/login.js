'use strict';
// Log in with a JSON POST (a plain form post would skip the console's CSRF checks).
(function () {
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');

  function safeNext() {
    const next = new URLSearchParams(window.location.search).get('next');
    // Only a path on this site: no scheme, no "//host", no backslash tricks.
    if (next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')) {
      return next;
    }
    return '/';
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const response = await fetch('/api/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({
        username: document.getElementById('username').value,
        password: document.getElementById('password').value,
      }),
    });
    if (response.ok) {
      window.location.assign(safeNext());
      return;
    }
    let message = 'Login failed (' + response.status + ')';
    try {
      message = (await response.json()).error || message;
    } catch (e) {
      // Keep the generic message.
    }
    error.textContent = message;
  });
})();
