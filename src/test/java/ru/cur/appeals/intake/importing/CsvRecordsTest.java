package ru.cur.appeals.intake.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as spreadsheets export it: Excel's «CSV UTF-8» in a Russian locale first of all. */
class CsvRecordsTest {

  @Test
  void russianExcelExportWithByteOrderMarkAndSemicolonsIsReadWithoutTheMark() throws IOException {
    List<CsvRecords.Record> records = read("\uFEFFregistration_number;name\r\nОГ-1;Анна Ким\r\n");

    assertThat(records).extracting(CsvRecords.Record::fields)
        .containsExactly(List.of("registration_number", "name"), List.of("ОГ-1", "Анна Ким"));
  }

  @Test
  void commaSeparatedFileIsReadWhenItsHeaderUsesCommas() throws IOException {
    List<CsvRecords.Record> records = read("registration_number,name,text\nОГ-1,Анна Ким,\"Яма; большая, глубокая\"\n");

    assertThat(records.get(1).fields()).containsExactly("ОГ-1", "Анна Ким", "Яма; большая, глубокая");
  }

  @Test
  void quotedFieldKeepsSeparatorsDoubledQuotesAndLineBreaks() throws IOException {
    List<CsvRecords.Record> records = read("""
        number;text;name\r
        ОГ-1;"Во дворе дома ""Ленина, 1""; мусор\r
        не вывозят\r
        вторую неделю";Иван\r
        ОГ-2;"";Мария\r
        """);

    assertThat(records.get(1).fields())
        .containsExactly("ОГ-1", "Во дворе дома \"Ленина, 1\"; мусор\nне вывозят\nвторую неделю", "Иван");
    assertThat(records.get(2).fields()).containsExactly("ОГ-2", "", "Мария");
  }

  @Test
  void rowsAreNumberedAsASpreadsheetShowsThemAndLinesAsAnEditorDoes() throws IOException {
    List<CsvRecords.Record> records = read("a;b\n1;\"two\nlines\"\n\n3;x\n4;y");

    assertThat(records).extracting(CsvRecords.Record::row).containsExactly(1, 2, 3, 4, 5);
    assertThat(records).extracting(CsvRecords.Record::line).containsExactly(1L, 2L, 4L, 5L, 6L);
    assertThat(records.get(2).isBlank()).isTrue();
    assertThat(records.get(4).fields()).containsExactly("4", "y");
  }

  @Test
  void rowOfSeparatorsOnlyIsBlank() throws IOException {
    assertThat(read("a;b;c\n;;\n").get(1).isBlank()).isTrue();
  }

  @Test
  void oldMacLineEndsAreLineEndsToo() throws IOException {
    assertThat(read("a;b\r1;2\r3;4")).extracting(CsvRecords.Record::fields)
        .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
  }

  @Test
  void quoteLeftOpenAtTheEndOfTheFileNamesItsRow() {
    assertThatThrownBy(() -> read("a;b\n1;2\n3;\"open\n4;5\n"))
        .isInstanceOf(CsvRecords.MalformedException.class)
        .hasMessage("row 3 (line 3): a quoted field is not closed");
  }

  @Test
  void quoteLeftOpenInALongFileStopsAtTheLongestPossibleRowInsteadOfReadingTheRestIntoMemory() {
    InputStream endless = new InputStream() {
      private final byte[] start = "a;b\n1;\"".getBytes(StandardCharsets.UTF_8);
      private int position;

      @Override
      public int read() {
        return position < start.length ? start[position++] : 'x';
      }
    };

    assertThatThrownBy(() -> {
      try (CsvRecords records = CsvRecords.of(endless)) {
        while (records.next() != null) {
          // reads on until the record is too long
        }
      }
    }).isInstanceOf(CsvRecords.MalformedException.class)
        .hasMessageContaining("row 2 (line 2) is longer than " + CsvRecords.MAX_RECORD_CHARS);
  }

  @Test
  void emptyFileHasNoRecords() throws IOException {
    assertThat(read("")).isEmpty();
    assertThat(read("\uFEFF")).isEmpty();
  }

  private static List<CsvRecords.Record> read(String csv) throws IOException {
    List<CsvRecords.Record> records = new ArrayList<>();
    try (CsvRecords reader = CsvRecords.of(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
      for (CsvRecords.Record record = reader.next(); record != null; record = reader.next()) {
        records.add(record);
      }
    }
    return records;
  }
}
