import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Writes an import file of {@code rows} registered appeals to standard output, as Excel's «CSV UTF-8» in a
 * Russian locale writes it: byte order mark, {@code ;}, CRLF, texts in quotes over two lines. Registration
 * dates spread over the 60 days before {@code today} (the second argument, default today), so some appeals
 * arrive already overdue; numbers carry {@code run} (third argument) so that runs do not collide.
 *
 * <pre>java bench/GenerateRegisteredAppeals.java 100000 2026-11-20 b1 > appeals.csv</pre>
 */
public class GenerateRegisteredAppeals {

  private static final String[] TERRITORIES = {"novosibirsk", "berdsk", "iskitim", "ob", "koltsovo"};
  private static final String[] CATEGORIES = {"healthcare.appointment", "roads.potholes", "housing.garbage",
      "housing.heating", "landscaping.yards", "transport.routes", "education.schools", "social.benefits"};
  private static final String[] CHANNELS = {"OFFICIAL", "OFFICIAL", "GOVERNOR", "MUNICIPAL"};
  private static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    LocalDate today = args.length > 1 ? LocalDate.parse(args[1]) : LocalDate.now();
    String run = args.length > 2 ? args[2] : Long.toString(System.currentTimeMillis() % 100_000, 36);
    try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      out.write("\uFEFFregistration_number;registration_date;name;email;phone;postal_address;text;territory;"
          + "category;channel\r\n");
      for (int i = 1; i <= rows; i++) {
        LocalDate registered = today.minusDays(i % 60);
        out.write("ОГ-%s-%06d;%s;Заявитель Тестовый %d;resident%d@example.ru;+7 913 %03d-%02d-%02d;"
            .formatted(run, i, RUSSIAN.format(registered), i, i, i % 1000, i % 100, i % 97));
        out.write("\"633010, Бердск, ул. Морская, %d, кв. %d\";".formatted(i % 200 + 1, i % 90 + 1));
        out.write(("\"Обращение № %d. Во дворе дома по ул. Ленина, %d вторую неделю не вывозят мусор; контейнеры "
            + "переполнены, «управляющая компания» не отвечает.\r\nПрошу принять меры и сообщить о результатах.\";")
            .formatted(i, i % 150 + 1));
        out.write("%s;%s;%s\r\n".formatted(TERRITORIES[i % TERRITORIES.length], CATEGORIES[i % CATEGORIES.length],
            CHANNELS[i % CHANNELS.length]));
      }
    }
  }
}
