package ru.cur.appeals.intake.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * Reads a file's rows on and hands them over a batch at a time: all an import holds is the batch it is
 * filling, whatever the length of the file.
 */
final class ImportRun {

  /** Takes a batch of rows in; {@code bytesRead} is how far the file is read with them. */
  interface Batches {
    void commit(List<ImportRow> rows, long bytesRead);
  }

  private final BiFunction<ImportHeader, CsvRecords.Record, ImportRow> reader;
  private final int batchSize;
  private final Batches batches;
  private final BooleanSupplier stopRequested;

  ImportRun(BiFunction<ImportHeader, CsvRecords.Record, ImportRow> reader, int batchSize, Batches batches,
      BooleanSupplier stopRequested) {
    this.reader = reader;
    this.batchSize = batchSize;
    this.batches = batches;
    this.stopRequested = stopRequested;
  }

  /**
   * Reads the file to its end, or until a stop is requested between two batches.
   *
   * @return whether the whole file was read
   * @throws CsvRecords.MalformedException where the file cannot be read on as CSV; earlier batches are in
   */
  boolean run(InputStream file) throws IOException {
    Counting counting = new Counting(file);
    try (CsvRecords records = CsvRecords.of(counting)) {
      ImportHeader header = ImportHeader.of(records.next());
      List<ImportRow> batch = new ArrayList<>(batchSize);
      for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
        if (record.isBlank()) {
          continue;
        }
        batch.add(reader.apply(header, record));
        if (batch.size() == batchSize) {
          batches.commit(List.copyOf(batch), counting.count);
          batch.clear();
          if (stopRequested.getAsBoolean()) {
            return false;
          }
        }
      }
      if (!batch.isEmpty()) {
        batches.commit(List.copyOf(batch), counting.count);
      }
      return true;
    }
  }

  /** Counts the bytes the parser has taken from the file: the job's progress. */
  private static final class Counting extends FilterInputStream {

    private long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b != -1) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        count += read;
      }
      return read;
    }
  }
}
