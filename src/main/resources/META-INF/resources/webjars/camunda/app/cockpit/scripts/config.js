// The application's settings of this webapp; Camunda's defaults otherwise.
export default {
  // Logout ends the single sign-on session too (see ../../sso-logout.js); the «Обращения» plugin shows the
  // appeal figures on the dashboard and on the process definition (see ../appeals/plugin.js).
  customScripts: ['../sso-logout', 'appeals/plugin']
};
