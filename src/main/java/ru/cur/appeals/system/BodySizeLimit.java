package ru.cur.appeals.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
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
 * Bodies of {@code /api} and {@code /open311} larger than any appeal can be ({@code appeals.max-body-size}) are
 * refused with {@code 413} before anything reads them: a declared length at once, a chunked body as soon as it
 * passes the limit. The import of registered appeals takes whole files and keeps its own limit
 * ({@code appeals.import.max-file-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodySizeLimit extends OncePerRequestFilter {

  private static final String IMPORT = "/api/appeals/import";

  private final ObjectMapper json;
  private final long maxBytes;

  BodySizeLimit(ObjectMapper json, @Value("${appeals.max-body-size:1MB}") DataSize maxBody) {
    this.json = json;
    this.maxBytes = maxBody.toBytes();
  }

  /** Thrown while reading a body that passed the limit without declaring its length. */
  static final class TooLarge extends IOException {

    private final long maxBytes;

    TooLarge(long maxBytes) {
      super("The body is larger than " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }

    long maxBytes() {
      return maxBytes;
    }
  }

  static ProblemDetail problem(long maxBytes) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "The body is larger than %d KB; an appeal's text is at most appeals.text-max-length characters"
            .formatted(maxBytes / 1024));
    problem.setTitle("Request too large");
    return problem;
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
      ProblemDetail problem = problem(maxBytes);
      problem.setInstance(URI.create(request.getRequestURI()));
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      // The client is still sending: the connection closes rather than reading megabytes to throw away.
      response.setHeader("Connection", "close");
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    chain.doFilter(new HttpServletRequestWrapper(request) {
      private ServletInputStream limited;

      @Override
      public ServletInputStream getInputStream() throws IOException {
        if (limited == null) {
          limited = new Limited(super.getInputStream(), maxBytes);
        }
        return limited;
      }
    }, response);
  }

  /** Counts what is read and stops at the limit. */
  private static final class Limited extends ServletInputStream {

    private final ServletInputStream body;
    private final long maxBytes;
    private long read;

    Limited(ServletInputStream body, long maxBytes) {
      this.body = body;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = body.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = body.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int bytes) throws TooLarge {
      read += bytes;
      if (read > maxBytes) {
        throw new TooLarge(maxBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}
