package ru.cur.appeals.intake.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large file streams: rows are read as their batch fills, never the file ahead of them. The file is
 * generated while it is read, so no copy of it ever exists; the generator knows where each row ends and
 * how much of the file the import has pulled.
 */
class ImportRunTest {

  private static final int ROWS = 20_000;
  private static final int BATCH = 100;
  /** The reader's buffers: a few tens of kilobytes whatever the file's size. */
  private static final long MAX_READ_AHEAD = 64 * 1024;

  @Test
  void twentyThousandRowsAreImportedInBatchesWithoutReadingTheFileAhead() throws IOException {
    GeneratedFile file = new GeneratedFile(ROWS);
    List<Integer> batchSizes = new ArrayList<>();
    List<Long> readAhead = new ArrayList<>();
    int[] lastRow = {1};
    ImportRun run = new ImportRun(ImportRunTest::accept, BATCH, (rows, bytesRead) -> {
      batchSizes.add(rows.size());
      assertThat(rows.get(0).row()).isEqualTo(lastRow[0] + 1);
      lastRow[0] = rows.get(rows.size() - 1).row();
      long endOfBatch = file.endOfRow(lastRow[0]);
      readAhead.add(file.pulled() - endOfBatch);
      assertThat(bytesRead).isBetween(endOfBatch, file.pulled());
    }, () -> false);

    assertThat(run.run(file)).isTrue();

    assertThat(batchSizes).hasSize(ROWS / BATCH).allMatch(size -> size == BATCH);
    assertThat(lastRow[0]).isEqualTo(ROWS + 1);
    assertThat(file.pulled()).isGreaterThan(ROWS * 300L);
    assertThat(readAhead).allMatch(bytes -> bytes <= MAX_READ_AHEAD);
  }

  @Test
  void aStopRequestedBetweenBatchesEndsTheRunAfterTheBatchInHand() throws IOException {
    List<Integer> batchSizes = new ArrayList<>();
    ImportRun run = new ImportRun(ImportRunTest::accept, BATCH, (rows, bytesRead) -> batchSizes.add(rows.size()),
        () -> batchSizes.size() == 3);

    assertThat(run.run(new GeneratedFile(1_000))).isFalse();

    assertThat(batchSizes).containsExactly(BATCH, BATCH, BATCH);
  }

  private static ImportRow accept(ImportHeader header, CsvRecords.Record record) {
    assertThat(header.overflows(record)).isFalse();
    return new ImportRow.Accepted(record.row(), record.line(), header.value(record, ImportColumn.REGISTRATION_NUMBER),
        null);
  }

  /** An import file generated as it is read: Russian letters of a few hundred bytes, some over two lines. */
  private static final class GeneratedFile extends InputStream {

    private final int rows;
    private final long[] endOfRow;
    private byte[] current = ("\uFEFFregistration_number;registration_date;name;email;phone;postal_address;text;"
        + "territory;category;channel\r\n").getBytes(StandardCharsets.UTF_8);
    private int position;
    private int row = 1;
    private long pulled;

    GeneratedFile(int rows) {
      this.rows = rows;
      this.endOfRow = new long[rows + 2];
      endOfRow[1] = current.length;
    }

    long pulled() {
      return pulled;
    }

    long endOfRow(int spreadsheetRow) {
      return endOfRow[spreadsheetRow];
    }

    @Override
    public int read() {
      if (position == current.length && !nextRow()) {
        return -1;
      }
      pulled++;
      return current[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position == current.length && !nextRow()) {
        return -1;
      }
      int count = Math.min(length, current.length - position);
      System.arraycopy(current, position, buffer, offset, count);
      position += count;
      pulled += count;
      return count;
    }

    private boolean nextRow() {
      if (row > rows) {
        return false;
      }
      row++;
      int n = row - 1;
      current = ("ОГ-BENCH-%06d;03.11.2026;Заявитель Номер %d;resident%d@example.ru;+7 913 000-00-00;"
          + "633010, Бердск, ул. Морская, %d;\"Обращение %d: во дворе не вывозят мусор; контейнеры переполнены.\r\n"
          + "Прошу принять меры.\";berdsk;housing.garbage;OFFICIAL\r\n").formatted(n, n, n, n, n)
          .getBytes(StandardCharsets.UTF_8);
      position = 0;
      endOfRow[row] = endOfRow[row - 1] + current.length;
      return true;
    }
  }
}
