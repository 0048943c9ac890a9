package ru.cur.appeals.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Request matchers on the whole path below the context path. The MVC-aware default of
 * {@code requestMatchers(String)} does not see the paths of the Camunda REST and webapp servlets,
 * which are not Spring MVC's.
 */
public final class RequestPaths {

  /** Tasklist, Cockpit, Admin and their own API. */
  public static final String WEBAPPS = "/camunda/**";
  /** The webapps' own API, called by their pages: it answers 401, never a redirect to a login page. */
  public static final String WEBAPPS_API = "/camunda/api/**";
  /** The managers' dashboard page; it logs in like the webapps. */
  public static final String DASHBOARD = "/dashboard";
  /** The dashboard's figures, for the page's own calls: 401, never a redirect, like the webapps' API. */
  public static final String DASHBOARD_API = "/dashboard/api/**";
  /**
   * Printed letters' PDFs, linked from the clerk's task in Tasklist: read as whoever is logged into the webapps,
   * 401 and never a redirect without a session, like the dashboard's figures.
   */
  public static final String LETTERS = "/letters/**";
  /** The auditors' view of an appeal ({@code /audit/{id}}); it logs in like the webapps. */
  public static final String AUDIT = "/audit/**";
  /** The audit view's data, for the page's own calls: 401, never a redirect, like the dashboard's figures. */
  public static final String AUDIT_API = "/audit/api/**";
  /** The diagram viewer (bpmn-js WebJar) the audit view draws with. */
  public static final String BPMN_VIEWER = "/webjars/bpmn-js/**";
  /** The first-admin setup of 7.24 CE can create an administrator (STACK-NOTES): never served. */
  public static final String FIRST_ADMIN_SETUP = "/camunda/api/admin/setup/**";
  /** Asked by the webapps' login page on a first visit. */
  public static final String WELCOME_CHECK = "/camunda-welcome";
  /** Where the webapps' logout button leads (see {@code webjars/camunda/app/sso-logout.js}). */
  public static final String LOGOUT = "/camunda/logout";
  /** The page the webapps start on, and where a logout returns. */
  public static final String WEBAPPS_HOME = "/camunda/app/";

  private RequestPaths() {}

  public static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  public static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  public static RequestMatcher anyOf(String... patterns) {
    RequestMatcher[] matchers = new RequestMatcher[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      matchers[i] = path(patterns[i]);
    }
    return new OrRequestMatcher(matchers);
  }
}
