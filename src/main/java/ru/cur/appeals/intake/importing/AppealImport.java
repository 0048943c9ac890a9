package ru.cur.appeals.intake.importing;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import ru.cur.appeals.intake.importing.ImportReport.State;
import ru.cur.appeals.system.InvalidInputException;
import ru.cur.appeals.system.InvalidInputException.Violation;
import ru.cur.appeals.system.NotFoundException;

/**
 * Imports files of appeals registered in another registry. A file of 100,000 rows is 100,000 process
 * starts, far longer than an HTTP request should wait: the request only stores the file and checks its
 * header, and a job imports the rows in batches while {@link #report} shows how far it is.
 */
@Service
class AppealImport {

  private static final Logger log = LoggerFactory.getLogger(AppealImport.class);
  private static final String RETRY_AFTER_SECONDS = "60";
  private static final String STOPPED = "The application stopped during the import; import the file again to import "
      + "the rest (rows already imported are skipped)";
  /** How long a stopping application lets a job finish the batch it is committing. */
  private static final long STOP_GRACE_SECONDS = 30;

  private final ImportSettings settings;
  private final ImportJobs jobs;
  private final ImportRowReader rows;
  private final ImportBatches batches;
  private final Semaphore slots;
  private final ExecutorService executor;
  private volatile boolean stopping;

  AppealImport(ImportSettings settings, ImportJobs jobs, ImportRowReader rows, ImportBatches batches) {
    this.settings = settings;
    this.jobs = jobs;
    this.rows = rows;
    this.batches = batches;
    this.slots = new Semaphore(settings.concurrentJobs());
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(settings.concurrentJobs(),
        task -> new Thread(task, "appeal-import-" + threads.incrementAndGet()));
  }

  /** All imports are busy: the request is refused before its file is read. */
  static final class Busy extends ErrorResponseException {

    Busy() {
      super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
          "Another import is running; send the file again when it has finished (see its report)"), null);
    }

    @Override
    public HttpHeaders getHeaders() {
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      return headers;
    }
  }

  /**
   * Stores the file, checks it is UTF-8 with a valid header and starts its job.
   *
   * @throws InvalidInputException for a file that is not UTF-8 or a header to fix
   * @throws Busy while {@code appeals.import.concurrent-jobs} imports run
   */
  ImportReport start(InputStream body, String user) throws IOException {
    if (!slots.tryAcquire()) {
      throw new Busy();
    }
    Path file = null;
    boolean handedOver = false;
    try {
      file = ImportSpool.copy(body, settings.spoolDirectory(), settings.maxFileSize().toBytes());
      checkHeader(file);
      String id = UUID.randomUUID().toString();
      long size = Files.size(file);
      jobs.create(id, user, size);
      Path spooled = file;
      // From here the job owns the file and the slot, and may be done before this request is.
      executor.execute(() -> run(id, spooled));
      handedOver = true;
      log.info("Import {} of {} bytes started by {}", id, size, user);
      return report(id);
    } finally {
      if (!handedOver) {
        slots.release();
        delete(file);
      }
    }
  }

  ImportReport report(String id) {
    jobs.interruptStale(settings.staleAfter());
    return jobs.find(id).orElseThrow(() -> new NotFoundException("No import " + id));
  }

  private static void checkHeader(Path file) throws IOException {
    try (CsvRecords records = CsvRecords.of(Files.newInputStream(file))) {
      ImportHeader.of(records.next());
    } catch (CsvRecords.MalformedException e) {
      throw new InvalidInputException(List.of(new Violation("header", e.getMessage())));
    }
  }

  private void run(String id, Path file) {
    ImportBatches.Job job = new ImportBatches.Job(id, settings.maxListed());
    ImportRun run = new ImportRun(rows::read, settings.batchSize(),
        (batch, bytesRead) -> batches.commit(job, batch, bytesRead), () -> stopping);
    try (InputStream in = Files.newInputStream(file)) {
      boolean complete = run.run(in);
      jobs.finish(id, complete ? State.COMPLETED : State.INTERRUPTED, complete ? null : STOPPED);
      log.info("Import {} {}", id, complete ? "completed" : "interrupted");
    } catch (CsvRecords.MalformedException e) {
      finish(id, "The file cannot be read on: " + e.getMessage() + ". The rows before it are imported; fix the file and "
          + "import it again (rows already imported are skipped)");
    } catch (IOException | UncheckedIOException e) {
      log.error("Import {} could not read its file {}", id, file, e);
      finish(id, "The uploaded file could not be read; import it again (rows already imported are skipped)");
    } catch (RuntimeException e) {
      String reference = UUID.randomUUID().toString();
      log.error("Import {} failed, reference {}", id, reference, e);
      finish(id, ImportBatches.databaseUnavailable(e)
          ? "The database became unavailable; the rows before are imported. Import the file again when it is back "
              + "(rows already imported are skipped)"
          : "Internal error; the rows before are imported. Give the reference " + reference + " to the support team");
    } finally {
      delete(file);
      slots.release();
    }
  }

  private void finish(String id, String failure) {
    try {
      jobs.finish(id, State.FAILED, failure);
    } catch (RuntimeException e) {
      // The report turns INTERRUPTED once its heartbeat is stale; nothing else can be done here.
      log.error("Import {} could not record its failure: {}", id, failure, e);
    }
  }

  private static void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the uploaded file {}", file, e);
    }
  }

  /** Running jobs stop after the batch they commit; their reports say so. */
  @PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    executor.shutdown();
    if (!executor.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
      log.warn("Imports still running after {} s; they will show as interrupted", STOP_GRACE_SECONDS);
    }
  }
}
