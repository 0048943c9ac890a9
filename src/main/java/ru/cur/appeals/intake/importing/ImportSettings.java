package ru.cur.appeals.intake.importing;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How imports of registered appeals run ({@code appeals.import.*}).
 *
 * @param batchSize rows committed in one transaction: each is an appeal and its process start, so a batch
 *     trades commit overhead against the work redone when one row fails and the batch goes row by row
 * @param maxListed errors (and rows found already present) a report lists; its counts cover every row
 * @param maxFileSize the largest file accepted; a 100,000-row file of long letters is about 100 MB
 * @param concurrentJobs imports running at once; one more is refused with 503 until one ends
 * @param spoolDirectory where an uploaded file waits for its job (the system's temporary folder unless set);
 *     the job deletes it when it ends
 * @param staleAfter a running import whose job has not written progress for this long was interrupted
 *     (the application stopped); its committed rows stay, and importing the file again imports the rest
 */
@ConfigurationProperties("appeals.import")
record ImportSettings(
    @DefaultValue("100") int batchSize,
    @DefaultValue("1000") int maxListed,
    @DefaultValue("256MB") DataSize maxFileSize,
    @DefaultValue("1") int concurrentJobs,
    Path spoolDirectory,
    @DefaultValue("5m") Duration staleAfter) {

  ImportSettings {
    if (spoolDirectory == null) {
      spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));
    }
    if (batchSize < 1 || maxListed < 0 || concurrentJobs < 1) {
      throw new IllegalArgumentException("appeals.import needs batch-size >= 1, max-listed >= 0 and "
          + "concurrent-jobs >= 1, got " + batchSize + ", " + maxListed + " and " + concurrentJobs);
    }
  }
}
