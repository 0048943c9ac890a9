package ru.cur.appeals.notification.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import ru.cur.appeals.notification.NoticeKind;

/**
 * The texts of the notices, kept as files so that they change without a release: {@code notices/<kind>.txt} on the
 * classpath, e.g. {@code notices/confirmation-request.txt}, each replaceable by a file of the same name in
 * {@code appeals.delivery.templates-dir}, read anew for every letter (an edit applies to the next one); the
 * release's own are read once. A file
 * {@code <kind>.<way>.txt} (e.g. {@code answered.webhook.txt}) is preferred for that way. The first line is
 * {@code Тема: <subject>}, then an empty line, then the body; both follow {@link TemplateText}'s rules.
 *
 * <p>{@code closing-reasons.properties} (UTF-8, replaceable the same way) words the codes of
 * {@code closingReason} for the residents.
 */
@Component
class NoticeTemplates {

  static final String FOLDER = "notices/";
  static final String SUBJECT = "Тема:";
  static final String CLOSING_REASONS = "closing-reasons.properties";

  private final Optional<Path> overrides;
  /** The release's templates, read once each (their names are the kinds' and ways', a few dozen at most). */
  private final Map<String, Optional<String>> released = new ConcurrentHashMap<>();

  NoticeTemplates(DeliverySettings settings) {
    this.overrides = Optional.ofNullable(settings.templatesDir()).filter(dir -> !dir.isBlank()).map(Path::of);
  }

  /** A subject and a body ready to send. */
  record Text(String subject, String body) {}

  /**
   * @throws IllegalStateException when the template is missing or malformed: an operator's mistake, which the
   *     notice's last error names so that they can fix the file
   */
  Text render(NoticeKind kind, Way way, Map<String, String> values) {
    String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    String specific = name + "." + way.code() + ".txt";
    Optional<String> template = read(specific);
    String file = template.isPresent() ? specific : name + ".txt";
    return parse(file, TemplateText.render(template.or(() -> read(file))
        .orElseThrow(() -> new IllegalStateException("Нет шаблона уведомления " + FOLDER + file)), values));
  }

  /** The residents' words for a closing reason code; the code itself when none is written. */
  String closingReason(String code) {
    Properties reasons = new Properties();
    read(CLOSING_REASONS).ifPresent(text -> {
      try {
        reasons.load(new StringReader(text));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return reasons.getProperty(code, code);
  }

  private static Text parse(String file, String rendered) {
    List<String> lines = rendered.lines().toList();
    if (lines.isEmpty() || !lines.get(0).startsWith(SUBJECT)) {
      throw new IllegalStateException("Шаблон уведомления " + file + ": первая строка должна начинаться с «"
          + SUBJECT + "»");
    }
    String subject = lines.get(0).substring(SUBJECT.length()).strip();
    String body = String.join("\n", lines.subList(1, lines.size())).strip();
    return new Text(subject, body + "\n");
  }

  private Optional<String> read(String file) {
    if (overrides.isPresent()) {
      Path path = overrides.get().resolve(file);
      if (Files.isRegularFile(path)) {
        try {
          return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read the notice template " + path, e);
        }
      }
    }
    return released.computeIfAbsent(file, NoticeTemplates::readReleased);
  }

  /** A template as the release ships it, on the classpath: it cannot change while the application runs. */
  private static Optional<String> readReleased(String file) {
    ClassPathResource resource = new ClassPathResource(FOLDER + file);
    if (!resource.exists()) {
      return Optional.empty();
    }
    try (InputStream in = resource.getInputStream()) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the notice template " + FOLDER + file, e);
    }
  }
}
