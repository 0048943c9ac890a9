package ru.cur.appeals.system;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;

/**
 * The fonts every PDF of the application embeds (Liberation Serif, {@code fonts/}, metric-compatible with Times New
 * Roman): they travel in the jar, so no server or printer needs a Cyrillic font of its own, and a document looks
 * the same everywhere.
 */
public final class PdfFonts {

  public static final BaseFont REGULAR = load("fonts/LiberationSerif-Regular.ttf");
  public static final BaseFont BOLD = load("fonts/LiberationSerif-Bold.ttf");

  private PdfFonts() {}

  private static BaseFont load(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      // Identity-H: every Cyrillic glyph is addressable, and the embedded subset carries the text for copying.
      return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the PDF font " + path, e);
    }
  }
}
