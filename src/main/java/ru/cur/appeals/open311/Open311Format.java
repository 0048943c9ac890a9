package ru.cur.appeals.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** The two formats of GeoReport v2, chosen by the extension of the path: {@code services.json}, {@code services.xml}. */
enum Open311Format {
  JSON(new MediaType("application", "json", StandardCharsets.UTF_8)),
  XML(new MediaType("text", "xml", StandardCharsets.UTF_8));

  private final MediaType contentType;

  Open311Format(MediaType contentType) {
    this.contentType = contentType;
  }

  MediaType contentType() {
    return contentType;
  }

  /** XML where the path asks for it; JSON otherwise, also for errors about a path with no known extension. */
  static Open311Format of(HttpServletRequest request) {
    return request.getRequestURI().endsWith(".xml") ? XML : JSON;
  }
}
