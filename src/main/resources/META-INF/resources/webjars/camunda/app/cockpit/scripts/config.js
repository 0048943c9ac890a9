// The application's settings of this webapp; Camunda's defaults otherwise.
export default {
  // Logout ends the single sign-on session too (see ../../sso-logout.js).
  customScripts: ['../sso-logout']
};
