package ru.cur.appeals.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a body of {@code /api} and {@code /open311} must be before anything parses it. Larger than any appeal can
 * be ({@code appeals.max-body-size}): {@code 413}, whether its length was declared or not. Not UTF-8: {@code 400}
 * saying at which byte, since Jackson's own decoder lets some invalid sequences through (an overlong {@code /}
 * becomes a slash). Forms are Tomcat's to read and are checked by their declared length only; the import of
 * registered appeals takes whole files and keeps its own limit ({@code appeals.import.max-file-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyGuard extends OncePerRequestFilter {

  private static final String IMPORT = "/api/appeals/import";

  private final ObjectMapper json;
  private final int maxBytes;

  RequestBodyGuard(ObjectMapper json, @Value("${appeals.max-body-size:1MB}") DataSize maxBody) {
    this.json = json;
    this.maxBytes = Math.toIntExact(maxBody.toBytes());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/") || path.startsWith("/open311/")) || path.startsWith(IMPORT);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      // The client may still be sending: the connection closes rather than reading megabytes to throw away.
      response.setHeader("Connection", "close");
      refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge());
      return;
    }
    if (isForm(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
    if (body.length > maxBytes) {
      response.setHeader("Connection", "close");
      refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge());
      return;
    }
    String invalid = invalidUtf8(body);
    if (invalid != null) {
      refuse(request, response, HttpStatus.BAD_REQUEST, invalid);
      return;
    }
    chain.doFilter(new ReadBodyRequest(request, body), response);
  }

  private String tooLarge() {
    return "The body is larger than %d KB; an appeal's text is at most appeals.text-max-length characters"
        .formatted(maxBytes / 1024);
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        || type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
  }

  /** Why the bytes are not UTF-8, or null when they are. */
  private static String invalidUtf8(byte[] body) {
    ByteBuffer bytes = ByteBuffer.wrap(body);
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
      return null;
    } catch (CharacterCodingException e) {
      return "The body is not valid UTF-8 (byte %d); send the text encoded as UTF-8".formatted(bytes.position());
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status == HttpStatus.PAYLOAD_TOO_LARGE ? "Request too large" : "Invalid request");
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
