package ru.cur.appeals.intake.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import ru.cur.appeals.system.InvalidInputException;
import ru.cur.appeals.system.InvalidInputException.Violation;

/**
 * Where an uploaded file waits for its job: copied from the request to a file a buffer at a time, so that
 * the request ends at once whatever the size of the file, and checked to be UTF-8 on the way. A file in
 * Windows-1251 (Excel's plain «CSV» in a Russian locale) is refused before any row is read, instead of
 * being imported as garbled names.
 */
final class ImportSpool {

  private static final int BUFFER_BYTES = 64 * 1024;

  private ImportSpool() {}

  /** The file is larger than the import accepts. */
  static final class TooLarge extends ErrorResponseException {

    TooLarge(long maxBytes) {
      super(HttpStatus.PAYLOAD_TOO_LARGE, ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
          "The file is larger than " + maxBytes / (1024 * 1024) + " MB (appeals.import.max-file-size); split it into "
              + "several files, each with the header line"), null);
    }
  }

  /**
   * Copies {@code body} to a new file in {@code directory}.
   *
   * @throws InvalidInputException when the bytes are not UTF-8, naming the line
   * @throws TooLarge past {@code maxBytes}
   */
  static Path copy(InputStream body, Path directory, long maxBytes) throws IOException {
    Files.createDirectories(directory);
    Path file = Files.createTempFile(directory, "appeal-import-", ".csv");
    try (OutputStream out = Files.newOutputStream(file)) {
      copy(body, out, maxBytes);
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private static void copy(InputStream body, OutputStream out, long maxBytes) throws IOException {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[] chunk = new byte[BUFFER_BYTES];
    // A character split between two chunks waits in the buffer for the rest of its bytes.
    ByteBuffer pending = ByteBuffer.allocate(BUFFER_BYTES + 4);
    CharBuffer chars = CharBuffer.allocate(BUFFER_BYTES + 4);
    long total = 0;
    long lines = 1;
    for (int read = body.read(chunk); read != -1; read = body.read(chunk)) {
      total += read;
      if (total > maxBytes) {
        throw new TooLarge(maxBytes);
      }
      out.write(chunk, 0, read);
      pending.put(chunk, 0, read).flip();
      lines = decode(utf8, pending, chars, false, lines);
      pending.compact();
    }
    pending.flip();
    lines = decode(utf8, pending, chars, true, lines);
    if (utf8.flush(chars.clear()).isError()) {
      throw notUtf8(lines);
    }
  }

  /** Decodes what is pending; returns the line the next byte is on. */
  private static long decode(CharsetDecoder utf8, ByteBuffer pending, CharBuffer chars, boolean last, long line)
      throws InvalidInputException {
    int start = pending.position();
    CoderResult result;
    do {
      chars.clear();
      result = utf8.decode(pending, chars, last);
    } while (result.isOverflow());
    long lines = line;
    for (int i = start; i < pending.position(); i++) {
      if (pending.get(i) == '\n') {
        lines++;
      }
    }
    if (result.isError()) {
      throw notUtf8(lines);
    }
    return lines;
  }

  private static InvalidInputException notUtf8(long line) {
    return new InvalidInputException(List.of(new Violation("file", "is not in UTF-8 (line " + line + "); save it from "
        + "Excel as «CSV UTF-8 (разделитель — запятая)» or convert it from Windows-1251 to UTF-8")));
  }
}
