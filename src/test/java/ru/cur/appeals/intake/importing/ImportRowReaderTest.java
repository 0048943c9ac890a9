package ru.cur.appeals.intake.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.cur.appeals.intake.AppealIntake;
import ru.cur.appeals.intake.AppealSubmission;
import ru.cur.appeals.regulation.WorkingTime;
import ru.cur.appeals.system.InvalidInputException;
import ru.cur.appeals.system.InvalidInputException.Violation;

/**
 * What the import checks itself: the other registry's number and date, and the 59-ФЗ channels; the appeal
 * itself intake checks (here a stand-in), and its faults come back in the file's column names.
 */
class ImportRowReaderTest {

  private static final ZoneId NOVOSIBIRSK = ZoneId.of("Asia/Novosibirsk");
  private static final ImportHeader HEADER = ImportHeader.of(new CsvRecords.Record(1, 1, List.of(
      "registration_number", "registration_date", "name", "email", "text", "channel")));

  private final AppealIntake intake = mock(AppealIntake.class);
  private final ImportRowReader reader;

  ImportRowReaderTest() {
    WorkingTime workingTime = mock(WorkingTime.class);
    when(workingTime.zone()).thenReturn(NOVOSIBIRSK);
    reader = new ImportRowReader(intake, workingTime,
        Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), NOVOSIBIRSK), "ЦУР");
  }

  @Test
  void dateAsRussianExcelWritesItIsTheStartOfThatDayInTheRegion() {
    assertThat(registeredAt("03.11.2026")).isEqualTo(OffsetDateTime.parse("2026-11-03T00:00:00+07:00"));
    assertThat(registeredAt("3.11.2026 9:05")).isEqualTo(OffsetDateTime.parse("2026-11-03T09:05:00+07:00"));
    assertThat(registeredAt("17.11.2026 14:30:15")).isEqualTo(OffsetDateTime.parse("2026-11-17T14:30:15+07:00"));
  }

  @Test
  void isoDatesAreReadInTheRegionUnlessTheyCarryAnOffset() {
    assertThat(registeredAt("2026-11-17")).isEqualTo(OffsetDateTime.parse("2026-11-17T00:00:00+07:00"));
    assertThat(registeredAt("2026-11-17T14:30")).isEqualTo(OffsetDateTime.parse("2026-11-17T14:30:00+07:00"));
    assertThat(registeredAt("2026-11-17 14:30:00")).isEqualTo(OffsetDateTime.parse("2026-11-17T14:30:00+07:00"));
    assertThat(registeredAt("2026-11-17T14:30:00+03:00").toInstant())
        .isEqualTo(Instant.parse("2026-11-17T11:30:00Z"));
    assertThat(registeredAt("2026-11-17T11:30:00Z").toInstant()).isEqualTo(Instant.parse("2026-11-17T11:30:00Z"));
  }

  @Test
  void dateThatDoesNotExistOrLiesAheadIsRejectedInItsColumn() {
    assertThat(violations(row("ОГ-1", "31.11.2026", "OFFICIAL")))
        .containsExactly(new Violation("registration_date",
            "'31.11.2026' is not a date; write 03.11.2025, 03.11.2025 14:30 or 2025-11-03"));
    assertThat(violations(row("ОГ-1", "21.11.2026", "OFFICIAL")))
        .containsExactly(new Violation("registration_date",
            "lies in the future; give the date the registry registered the appeal"));
    assertThat(violations(row("ОГ-1", "", "OFFICIAL"))).extracting(Violation::field)
        .containsExactly("registration_date");
  }

  @Test
  void numberOfThisRegistryOrUnfitForTheAppealsAddressIsRejected() {
    assertThat(violations(row("ЦУР-2026-000001", "03.11.2026", ""))).singleElement()
        .extracting(Violation::message).asString().startsWith("starts with «ЦУР-»");
    assertThat(violations(row("01-12/345", "03.11.2026", ""))).singleElement()
        .extracting(Violation::message).asString().contains("«/»");
    assertThat(violations(row("ОГ-" + "1".repeat(40), "03.11.2026", ""))).singleElement()
        .isEqualTo(new Violation("registration_number", "is longer than 40 characters"));
    assertThat(violations(row("", "03.11.2026", ""))).singleElement()
        .extracting(Violation::field).isEqualTo("registration_number");
    assertThat(reader.read(HEADER, row("№ ОГ-12.3_4", "03.11.2026", ""))).isInstanceOf(ImportRow.Accepted.class);
  }

  @Test
  void officialLettersAreTheDefaultAndOnly59FzChannelsAreImported() {
    assertThat(submission(row("ОГ-1", "03.11.2026", "")).channel()).isEqualTo("OFFICIAL");
    assertThat(submission(row("ОГ-1", "03.11.2026", "GOVERNOR")).channel()).isEqualTo("GOVERNOR");
    assertThat(submission(row("ОГ-1", "03.11.2026", "MUNICIPAL")).channel()).isEqualTo("MUNICIPAL");
    assertThat(violations(row("ОГ-1", "03.11.2026", "SOCIAL"))).singleElement().isEqualTo(new Violation("channel",
        "'SOCIAL' is not a channel of official appeals; one of OFFICIAL, GOVERNOR, MUNICIPAL, or empty for OFFICIAL"));
  }

  @Test
  void theRegistrationDateIsWhenTheAppealWasReceivedAndTheAppealHasNoExternalId() {
    AppealSubmission submission = submission(row("ОГ-1", "03.11.2026", ""));

    assertThat(submission.receivedAt()).isEqualTo(OffsetDateTime.parse("2026-11-03T00:00:00+07:00"));
    assertThat(submission.externalId()).isNull();
    assertThat(submission.author().name()).isEqualTo("Анна Ким");
    assertThat(submission.text()).isEqualTo("Текст обращения");
  }

  @Test
  void intakesFaultsOfTheAppealAreNamedByTheFilesColumns() {
    doThrow(new InvalidInputException(List.of(
        new Violation("author.email", "is not an e-mail address"),
        new Violation("author", "a 59-ФЗ appeal needs author.email or author.postalAddress for the answer"),
        new Violation("territory", "unknown territory 'mars'; use a code from GET /api/reference/territories"))))
        .when(intake).validate(any());

    assertThat(violations(row("ОГ-1", "03.11.2026", ""))).containsExactly(
        new Violation("email", "is not an e-mail address"),
        new Violation("email, postal_address", "a 59-ФЗ appeal needs email or postal_address for the answer"),
        new Violation("territory", "unknown territory 'mars'; use a code from GET /api/reference/territories"));
  }

  @Test
  void rowWithMoreCellsThanTheHeaderIsRejectedInsteadOfShiftingItsColumns() {
    List<String> cells = new ArrayList<>(row("ОГ-1", "03.11.2026", "").fields());
    cells.add("лишнее");

    assertThat(violations(new CsvRecords.Record(2, 2, cells))).singleElement().extracting(Violation::field)
        .isEqualTo("row");
  }

  private static CsvRecords.Record row(String number, String date, String channel) {
    return new CsvRecords.Record(2, 2, List.of(number, date, "Анна Ким", "kim@example.ru", "Текст обращения", channel));
  }

  private OffsetDateTime registeredAt(String date) {
    return submission(row("ОГ-1", date, "")).receivedAt();
  }

  private AppealSubmission submission(CsvRecords.Record record) {
    ImportRow row = reader.read(HEADER, record);
    assertThat(row).isInstanceOf(ImportRow.Accepted.class);
    return ((ImportRow.Accepted) row).submission();
  }

  private List<Violation> violations(CsvRecords.Record record) {
    ImportRow row = reader.read(HEADER, record);
    assertThat(row).isInstanceOf(ImportRow.Rejected.class);
    return ((ImportRow.Rejected) row).violations();
  }
}
