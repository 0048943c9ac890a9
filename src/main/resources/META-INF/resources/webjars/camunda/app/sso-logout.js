// Loaded by every webapp (customScripts in its scripts/config.js). Camunda's logout button ends only the
// webapps' own session; the browser then leaves through /camunda/logout, which also ends the Keycloak
// session in production (so the next visitor of this browser must log in again) and comes back to the
// login in both modes.
const open = XMLHttpRequest.prototype.open;

XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && /\/api\/admin\/auth\/user\/[^/]+\/logout$/.test(url)) {
    this.addEventListener('loadend', () => window.location.assign('/camunda/logout'));
  }
  return open.call(this, method, url, ...rest);
};
