'use strict';

// The settings page of the Halo PSA integration. It talks to the config API only, with a platform
// JWT: the local run's development token, or one pasted into the page (kept in this tab only).
(() => {
  const API = '/v1/integrations/halo';
  const PROBLEMS = 'https://halopsa-connector.dev/problems/';
  const FIELDS = ['authUrl', 'resourceUrl', 'tenant', 'clientId', 'clientSecret'];
  const POLL_MILLIS = 3000;
  const TOKEN_KEY = 'halo-settings-jwt';

  const $ = (id) => document.getElementById(id);
  let token = null;
  let connection = null;
  let pollTimer = null;

  // What each problem type means to a customer; the API's own detail is the fallback.
  const SENTENCES = {
    'halo-credentials-rejected': () => 'Halo did not accept this Client ID and Client Secret. Copy both again from '
      + 'Configuration > Integrations > Halo API, and check that the Tenant is right.',
    'halo-permission-denied': () => 'Halo accepted the Client ID and Secret, but that API application may not read '
      + 'tickets. In Halo, give the application permission to read tickets, then try again.',
    'halo-unreachable': () => 'We could not reach Halo at these addresses. Check the Auth URL and Resource URL, '
      + 'and that your Halo is online.',
    'halo-answer-too-large': () => 'Halo sent an answer far larger than any Halo sends, so we stopped reading it. '
      + 'Check that the Auth URL and Resource URL point at your Halo.',
    'halo-rate-limited': (answer) => 'Halo is receiving too many requests right now. Please try again '
      + waitText(answer.retryAfter) + '.',
    'unauthenticated': () => 'Your sign-in is missing or has expired. Sign in again, then reload this page.',
    'forbidden': () => 'You can see this connection, but changing it needs the integrations admin role.',
    'concurrent-update': () => 'Someone else changed this connection at the same moment. Reload the page and try again.',
    'sync-running': () => 'A sync is already running; its progress shows above.',
    'storage-unavailable': () => 'We could not store this right now and nothing was changed. Please try again in a moment.',
    'internal-error': () => 'Something went wrong on our side. Please try again in a moment.',
  };

  function waitText(retryAfter) {
    const seconds = Number.parseInt(retryAfter, 10);
    if (!Number.isFinite(seconds)) return 'in a minute';
    return seconds < 90 ? `in ${seconds} seconds` : `in ${Math.ceil(seconds / 60)} minutes`;
  }

  async function call(method, path, body) {
    const headers = { Authorization: `Bearer ${token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(API + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (notJson) {
      data = null;
    }
    return { ok: response.ok, status: response.status, data, retryAfter: response.headers.get('Retry-After') };
  }

  function problemSlug(answer) {
    const type = answer.data && typeof answer.data.type === 'string' ? answer.data.type : '';
    return type.startsWith(PROBLEMS) ? type.slice(PROBLEMS.length) : '';
  }

  function problemSentence(answer) {
    const sentence = SENTENCES[problemSlug(answer)];
    if (sentence) return sentence(answer);
    if (answer.data && answer.data.detail) return answer.data.detail;
    return `The connector answered unexpectedly (HTTP ${answer.status}). Please try again.`;
  }

  function show(element, text, kind) {
    element.textContent = text;
    element.hidden = !text;
    element.classList.toggle('success', kind === 'success');
  }

  function clearFieldErrors() {
    FIELDS.forEach((field) => {
      show($(`${field}-error`), '');
      $(field).removeAttribute('aria-invalid');
    });
  }

  // Invalid input comes with errors[]; each lands beside its field, the rest in the form's alert.
  function showFormProblem(answer) {
    const errors = answer.data && Array.isArray(answer.data.errors) ? answer.data.errors : [];
    if (problemSlug(answer) !== 'invalid-input' || errors.length === 0) {
      show($('form-alert'), problemSentence(answer));
      return;
    }
    const elsewhere = [];
    errors.forEach((error) => {
      if (FIELDS.includes(error.field)) {
        const element = $(`${error.field}-error`);
        show(element, element.hidden ? error.message : `${element.textContent}; ${error.message}`);
        $(error.field).setAttribute('aria-invalid', 'true');
      } else {
        elsewhere.push(`${error.field} ${error.message}`);
      }
    });
    show($('form-alert'), ['Please correct the fields marked below.', ...elsewhere].join(' '));
  }

  function formBody() {
    const body = {};
    FIELDS.forEach((field) => { body[field] = $(field).value.trim(); });
    if (!body.clientSecret && connection) delete body.clientSecret;
    return body;
  }

  function formatTime(iso) {
    return iso ? new Date(iso).toLocaleString() : null;
  }

  function syncText(sync) {
    switch (sync.state) {
      case 'never': return 'Not started yet';
      case 'running': return `Running: ${sync.ticketsSynced} tickets so far`;
      case 'idle': return sync.complete ? 'Up to date' : 'Paused; continues shortly';
      case 'failed': return 'Stopped by a problem (see below)';
      default: return sync.state;
    }
  }

  function showStatus(view) {
    const sync = view.sync;
    $('sync-state').textContent = syncText(sync);
    $('tickets-synced').textContent = String(sync.ticketsSynced);
    $('last-success').textContent = formatTime(sync.lastSuccessAt) || 'Not yet';
    $('last-webhook').textContent = formatTime(view.lastWebhookAt) || 'None yet';
    $('deliveries').textContent = String(view.webhooksReceived);
    show($('sync-error'), [sync.error, failedTicketsText(sync.failedTickets)].filter(Boolean).join(' '));
  }

  function failedTicketsText(failed) {
    if (!failed || failed.length === 0) return '';
    const ids = failed.map((ticket) => ticket.ticketId).join(', ');
    return failed.length === 1
      ? `Halo would not give us ticket ${ids}; it is tried again later.`
      : `Halo would not give us ${failed.length} tickets (${ids}); they are tried again later.`;
  }

  function showConnected(view, fillForm) {
    connection = view;
    if (fillForm) {
      ['authUrl', 'resourceUrl', 'tenant', 'clientId'].forEach((field) => { $(field).value = view[field] || ''; });
    }
    $('clientSecret').value = '';
    $('clientSecret').placeholder = `${view.clientSecret} (saved; leave empty to keep it)`;
    $('webhook-url').value = view.webhookUrl;
    showStatus(view);
    $('webhook').hidden = false;
    $('status').hidden = false;
    startPolling();
  }

  function showDisconnected() {
    connection = null;
    stopPolling();
    FIELDS.forEach((field) => { $(field).value = ''; });
    $('clientSecret').placeholder = '';
    $('webhook').hidden = true;
    $('status').hidden = true;
  }

  function startPolling() {
    if (pollTimer === null) pollTimer = setInterval(refresh, POLL_MILLIS);
  }

  function stopPolling() {
    if (pollTimer !== null) clearInterval(pollTimer);
    pollTimer = null;
  }

  async function refresh() {
    const answer = await call('GET', '');
    if (answer.ok) {
      connection = answer.data;
      $('webhook-url').value = answer.data.webhookUrl;
      showStatus(answer.data);
    } else if (answer.status === 404) {
      showDisconnected();
    } else {
      stopPolling();
      show($('action-result'), problemSentence(answer));
    }
  }

  async function busy(button, label, work) {
    const original = button.textContent;
    button.disabled = true;
    button.textContent = label;
    try {
      await work();
    } catch (failure) {
      show($('form-alert'), 'The connector could not be reached. Check your connection and try again.');
    } finally {
      button.disabled = false;
      button.textContent = original;
    }
  }

  async function save(event) {
    event.preventDefault();
    clearFieldErrors();
    show($('form-alert'), '');
    show($('action-result'), '');
    await busy($('save'), 'Checking with Halo…', async () => {
      const answer = await call('PUT', '', formBody());
      if (answer.ok) {
        showConnected(answer.data, true);
        show($('form-alert'), 'Connected: Halo accepted these details and the first sync has started.', 'success');
      } else {
        showFormProblem(answer);
      }
    });
  }

  async function testConnection() {
    clearFieldErrors();
    show($('form-alert'), '');
    await busy($('test'), 'Testing…', async () => {
      const answer = await call('POST', '/test', formBody());
      if (answer.ok) {
        show($('action-result'), 'Test passed: Halo accepted these details and allows reading tickets.', 'success');
      } else {
        show($('action-result'), '');
        showFormProblem(answer);
      }
    });
  }

  async function syncNow() {
    await busy($('sync-now'), 'Syncing…', async () => {
      const answer = await call('POST', '/sync');
      show($('action-result'), answer.ok ? 'Sync run finished; the status above is current.' : problemSentence(answer),
        answer.ok ? 'success' : undefined);
      await refresh();
    });
  }

  async function rotate() {
    if (!window.confirm('The current URL stops working at once, and Halo needs the new one. Rotate the URL?')) return;
    await busy($('rotate'), 'Rotating…', async () => {
      const answer = await call('POST', '/rotate-webhook-url');
      if (answer.ok) {
        showConnected(answer.data, false);
        show($('action-result'), 'New URL ready: replace the Payload URL of the webhook in Halo with it.', 'success');
      } else {
        show($('action-result'), problemSentence(answer));
      }
    });
  }

  async function disconnect() {
    if (!window.confirm('Remove the Halo credentials and stop accepting webhooks? Tickets already synced stay.')) return;
    await busy($('disconnect'), 'Disconnecting…', async () => {
      const answer = await call('DELETE', '');
      if (answer.ok) {
        showDisconnected();
        show($('form-alert'), 'Disconnected. You can delete the webhook in Halo as well.', 'success');
      } else {
        show($('action-result'), problemSentence(answer));
      }
    });
  }

  async function copyUrl() {
    const field = $('webhook-url');
    try {
      await navigator.clipboard.writeText(field.value);
      show($('copy-result'), 'Copied.', 'success');
    } catch (notAllowed) {
      field.select();
      show($('copy-result'), 'Selected: press Ctrl+C (or ⌘C) to copy.');
    }
  }

  function tenantOf(jwt) {
    try {
      const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload)).tenant_id || 'unknown';
    } catch (malformed) {
      return 'unknown';
    }
  }

  async function start(jwt) {
    token = jwt;
    $('sign-in').hidden = true;
    $('details').hidden = false;
    $('signed-in-as').textContent = `Platform tenant: ${tenantOf(jwt)}`;
    const answer = await call('GET', '');
    if (answer.ok) {
      showConnected(answer.data, true);
    } else if (answer.status !== 404) {
      show($('form-alert'), problemSentence(answer));
    }
  }

  async function findToken() {
    const pasted = sessionStorage.getItem(TOKEN_KEY);
    if (pasted) return pasted;
    const response = await fetch('/settings-page/dev-token', { cache: 'no-store' });
    return response.ok ? (await response.text()).trim() : null;
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('halo-form').addEventListener('submit', save);
    $('test').addEventListener('click', testConnection);
    $('sync-now').addEventListener('click', syncNow);
    $('rotate').addEventListener('click', rotate);
    $('disconnect').addEventListener('click', disconnect);
    $('copy-url').addEventListener('click', copyUrl);
    $('use-jwt').addEventListener('click', () => {
      const pasted = $('jwt').value.trim();
      if (!pasted) return;
      sessionStorage.setItem(TOKEN_KEY, pasted);
      start(pasted);
    });
    const found = await findToken();
    if (found) {
      start(found);
    } else {
      $('sign-in').hidden = false;
    }
  });
})();
