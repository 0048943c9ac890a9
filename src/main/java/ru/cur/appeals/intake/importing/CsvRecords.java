package ru.cur.appeals.intake.importing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read one record at a time, so that a file of any length needs the memory of one record.
 * RFC 4180 as spreadsheets write it: UTF-8 with or without a byte order mark (Excel's «CSV UTF-8»); the
 * separator {@code ;} (Excel in a Russian locale) or {@code ,}, whichever the header line uses; quoted
 * fields holding separators, doubled quotes and line breaks; lines ending in CRLF, LF or CR.
 *
 * <p>Records are numbered as a spreadsheet numbers its rows: the header is row 1, and a record whose
 * quoted field spans lines is still one row. {@link Record#line()} is the line of the file it starts on,
 * for a text editor.
 */
final class CsvRecords implements Closeable {

  /**
   * Longer than any row the import accepts (10,000 characters of text and a few short fields): a record
   * growing past it is a quote left open, which would otherwise swallow the rest of the file.
   */
  static final int MAX_RECORD_CHARS = 200_000;

  private static final int BUFFER_CHARS = 16 * 1024;
  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final int END = -1;

  private final Reader reader;
  private final char[] buffer = new char[BUFFER_CHARS];
  private int position;
  private int limit;
  private char separator;
  private int row;
  private long line = 1;
  private boolean ended;

  /** One record: its row as a spreadsheet shows it, the line it starts on, and its fields as written. */
  record Record(int row, long line, List<String> fields) {

    /** An empty line, or a row of separators only that a spreadsheet left behind. */
    boolean isBlank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  /** The file cannot be read as CSV from {@code row} on. */
  static final class MalformedException extends IOException {

    MalformedException(String message) {
      super(message);
    }
  }

  private CsvRecords(Reader reader) {
    this.reader = reader;
  }

  /** Reads UTF-8; bytes that are not UTF-8 are a {@link java.nio.charset.MalformedInputException}. */
  static CsvRecords of(InputStream in) {
    return new CsvRecords(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)));
  }

  /** The next record, the header first; null at the end of the file. */
  Record next() throws IOException {
    if (ended) {
      return null;
    }
    if (row == 0) {
      skipByteOrderMark();
      separator = separatorOfHeader();
    }
    row++;
    long startLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int recordChars = 0;
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      int c = read();
      if (c == END) {
        if (quoted) {
          throw new MalformedException("row " + row + " (line " + startLine + "): a quoted field is not closed");
        }
        ended = true;
        if (fields.isEmpty() && field.isEmpty() && !wasQuoted) {
          return null;
        }
        fields.add(field.toString());
        return new Record(row, startLine, List.copyOf(fields));
      }
      if (++recordChars > MAX_RECORD_CHARS) {
        throw new MalformedException("row " + row + " (line " + startLine + ") is longer than " + MAX_RECORD_CHARS
            + " characters: is a quote left open?");
      }
      if (quoted) {
        if (c == '"') {
          if (peek() == '"') {
            read();
            field.append('"');
          } else {
            quoted = false;
          }
        } else if (newLine(c)) {
          field.append(lineBreak(c));
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == separator) {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (newLine(c)) {
        lineBreak(c);
        fields.add(field.toString());
        return new Record(row, startLine, List.copyOf(fields));
      } else {
        // Characters after a closing quote, or a quote inside an unquoted field, are kept as spreadsheets keep them.
        field.append((char) c);
      }
    }
  }

  /** The separator this file uses, once the header was read. */
  char separator() {
    return separator;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private void skipByteOrderMark() throws IOException {
    if (peek() == BYTE_ORDER_MARK) {
      read();
    }
  }

  /**
   * {@code ;} unless the header line (up to its first line break outside quotes) has more commas than
   * semicolons: column names hold neither, so whichever occurs is the separator.
   */
  private char separatorOfHeader() throws IOException {
    fill(BUFFER_CHARS);
    int semicolons = 0;
    int commas = 0;
    boolean quoted = false;
    for (int i = position; i < limit; i++) {
      char c = buffer[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == ',') {
        commas++;
      }
    }
    return commas > semicolons ? ',' : ';';
  }

  private static boolean newLine(int c) {
    return c == '\n' || c == '\r';
  }

  /** Consumes the rest of a CRLF and counts the line; inside a field every break is kept as {@code \n}. */
  private char lineBreak(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
    return '\n';
  }

  private int read() throws IOException {
    if (position == limit && !fill(1)) {
      return END;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill(1)) {
      return END;
    }
    return buffer[position];
  }

  /** Reads on until at least {@code wanted} characters are buffered or the file ends; false if none are. */
  private boolean fill(int wanted) throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    while (limit < wanted) {
      int read = reader.read(buffer, limit, buffer.length - limit);
      if (read == END) {
        break;
      }
      limit += read;
    }
    return limit > position;
  }
}
