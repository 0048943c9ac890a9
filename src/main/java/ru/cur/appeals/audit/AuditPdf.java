package ru.cur.appeals.audit;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import ru.cur.appeals.system.PdfFonts;

/**
 * The appeal's record as a report in Russian for the file: the appeal and its resident (masked as the reader sees
 * them), the deadlines met or missed, each decision replayed, and the timeline, in the region's time. Landscape A4
 * in the fonts every PDF of the application embeds.
 */
@Component
class AuditPdf {

  private static final float SIZE = 9;
  private static final Color MISSED = new Color(0xB0, 0x1C, 0x1C);

  private final DateTimeFormatter timeFormat;
  private final Clock clock;

  AuditPdf(Clock clock) {
    this.clock = clock;
    this.timeFormat = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(clock.getZone());
  }

  byte[] render(AuditRecord record, List<DecisionReplay.Replayed> decisions, String reader) {
    Font text = new Font(PdfFonts.REGULAR, SIZE);
    Font strong = new Font(PdfFonts.BOLD, SIZE);
    Font title = new Font(PdfFonts.BOLD, 14);
    AuditRecord.Summary appeal = record.appeal();
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(document, pdf);
      document.addTitle("Журнал обращения " + appeal.registrationNumber());
      document.open();
      document.add(new Paragraph("Журнал рассмотрения обращения " + appeal.registrationNumber(), title));
      document.add(new Paragraph("Сформирован " + time(clock.instant()) + " для " + reader
          + (record.masked() ? "; персональные данные заявителя скрыты" : ""), text));
      document.add(heading("Обращение", strong));
      PdfPTable facts = table(new float[] {1, 3});
      fact(facts, "Канал", named(appeal.channelName(), appeal.channel()), text);
      fact(facts, "Поступило", time(appeal.receivedAt()), text);
      fact(facts, "Статус и исход", appeal.status() + (appeal.outcome() == null ? "" : ", " + appeal.outcome()), text);
      fact(facts, "Категория", named(appeal.categoryName(), appeal.category()), text);
      fact(facts, "Территория", named(appeal.territoryName(), appeal.territory()), text);
      fact(facts, "Организация", named(appeal.organizationName(), appeal.organization()), text);
      fact(facts, "Заявитель", appeal.resident().name(), text);
      fact(facts, "Электронная почта, телефон", Objects.toString(appeal.resident().email(), "—") + ", "
          + Objects.toString(appeal.resident().phone(), "—"), text);
      fact(facts, "Почтовый адрес", appeal.resident().postalAddress(), text);
      fact(facts, "Адрес проблемы", appeal.address(), text);
      fact(facts, "Текст", appeal.text(), text);
      document.add(facts);

      document.add(heading("Сроки", strong));
      PdfPTable deadlines = table(new float[] {3, 2, 2, 2, 2});
      header(deadlines, strong, "Шаг", "Срок", "Состояние", "Выполнено", "Нарушила");
      for (AuditDeadline deadline : record.deadlines()) {
        Font font = "LATE".equals(deadline.state()) ? new Font(PdfFonts.BOLD, SIZE, Font.NORMAL, MISSED) : text;
        cells(deadlines, font, deadline.title(), time(deadline.due()), state(deadline.state()), time(deadline.doneAt()),
            deadline.missedBy());
      }
      document.add(deadlines);

      document.add(heading("Решения по таблицам DMN (повторное вычисление)", strong));
      PdfPTable replay = table(new float[] {2, 3, 3, 2, 3});
      header(replay, strong, "Когда, таблица", "Входные данные", "Правила и результат", "Та же версия", "Правила сегодня");
      for (DecisionReplay.Replayed decision : decisions) {
        cells(replay, text, time(decision.evaluatedAt()) + "\n" + decision.decisionName() + " (" + decision.decisionKey()
                + ", версия " + decision.versionUsed().version() + ")",
            decision.inputs().toString(), decision.recorded().toString(),
            decision.consistent() ? "совпадает" : "НЕ СОВПАДАЕТ",
            "версия " + decision.latest().version() + ": " + (decision.latestAgrees() ? "то же решение"
                : "иное решение " + decision.latest().decisions()));
      }
      document.add(replay);

      document.add(heading("Хронология", strong));
      PdfPTable timeline = table(new float[] {2, 2, 2, 1, 7});
      timeline.setHeaderRows(1);
      header(timeline, strong, "Время", "Событие", "Кто", "Уровень", "Что");
      for (AuditEvent event : record.events()) {
        cells(timeline, text, time(event.time()), event.type().label(), event.actor(),
            event.level() == null ? "" : event.level().toString(), event.summary());
      }
      document.add(timeline);
    } catch (DocumentException e) {
      throw new IllegalStateException("Отчёт по обращению " + appeal.registrationNumber() + " не составить", e);
    } finally {
      document.close();
    }
    return pdf.toByteArray();
  }

  private static String state(String state) {
    return switch (state) {
      case "MET" -> "соблюдён";
      case "LATE" -> "нарушен";
      case "CANCELLED" -> "снят";
      default -> "идёт";
    };
  }

  private String time(Instant instant) {
    return instant == null ? "" : timeFormat.format(instant);
  }

  private static Paragraph heading(String text, Font font) {
    Paragraph heading = new Paragraph(text, font);
    heading.setSpacingBefore(10);
    heading.setSpacingAfter(4);
    return heading;
  }

  private static PdfPTable table(float[] widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    return table;
  }

  private static void fact(PdfPTable table, String name, String value, Font font) {
    cells(table, font, name, value);
  }

  private static void header(PdfPTable table, Font font, String... names) {
    for (String name : names) {
      PdfPCell cell = new PdfPCell(new Phrase(name, font));
      cell.setBackgroundColor(new Color(0xE8, 0xEC, 0xF2));
      table.addCell(cell);
    }
  }

  private static void cells(PdfPTable table, Font font, String... values) {
    for (String value : values) {
      PdfPCell cell = new PdfPCell(new Phrase(Objects.toString(value, ""), font));
      cell.setVerticalAlignment(Element.ALIGN_TOP);
      table.addCell(cell);
    }
  }

  /** A reference's name with its code, as clerks know both. */
  private static String named(String name, String code) {
    return code == null ? "—" : name == null || name.equals(code) ? code : name + " (" + code + ")";
  }
}
