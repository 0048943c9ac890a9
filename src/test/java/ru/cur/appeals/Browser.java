package ru.cur.appeals;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does in an OpenID Connect login, without the rendering: keeps each site's cookies,
 * follows redirects (recording every address it passed) and fills Keycloak's login form.
 */
final class Browser {

  private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure(cookies))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  /** Every address the last navigation went through, the first one included. */
  final List<URI> visited = new ArrayList<>();

  HttpResponse<String> open(String url) {
    visited.clear();
    return follow(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  /** Fills and sends Keycloak's login form on {@code page}, following the redirects back to the application. */
  HttpResponse<String> logIn(HttpResponse<String> page, String user, String password) {
    Matcher form = LOGIN_FORM.matcher(page.body());
    if (!form.find()) {
      throw new IllegalStateException("No Keycloak login form at " + page.uri() + ":\n" + page.body());
    }
    URI action = page.uri().resolve(form.group(1).replace("&amp;", "&"));
    visited.clear();
    return follow(HttpRequest.newBuilder(action)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(
            KeycloakServer.formBody(Map.of("username", user, "password", password, "credentialId", ""))))
        .build());
  }

  static boolean isKeycloakLoginPage(HttpResponse<String> page) {
    return page.statusCode() == 200 && LOGIN_FORM.matcher(page.body()).find();
  }

  HttpResponse<String> send(HttpRequest request) {
    return KeycloakServer.send(http, request);
  }

  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private HttpResponse<String> follow(HttpRequest first) {
    HttpRequest request = first;
    for (int hop = 0; hop < 15; hop++) {
      visited.add(request.uri());
      HttpResponse<String> response = send(request);
      if (response.statusCode() / 100 != 3) {
        return response;
      }
      URI next = request.uri().resolve(response.headers().firstValue("Location").orElseThrow());
      request = HttpRequest.newBuilder(next).GET().build();
    }
    throw new IllegalStateException("Too many redirects: " + visited);
  }

  /**
   * Browsers treat {@code http://localhost} as a secure context and send it the cookies Keycloak marks
   * {@code Secure}; Java's cookie manager would not, and Keycloak's login would lose its session.
   */
  private static final class LocalhostIsSecure extends CookieHandler {

    private final CookieHandler cookies;

    LocalhostIsSecure(CookieHandler cookies) {
      this.cookies = cookies;
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
      return cookies.get(uri, headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      if (!"localhost".equals(uri.getHost())) {
        cookies.put(uri, headers);
        return;
      }
      Map<String, List<String>> notSecure = new LinkedHashMap<>();
      headers.forEach((name, values) -> notSecure.put(name, name == null || !name.equalsIgnoreCase("Set-Cookie")
          ? values
          : values.stream().map(value -> value.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList()));
      cookies.put(uri, notSecure);
    }
  }
}
