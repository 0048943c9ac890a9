package ru.cur.appeals.intake;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.regulation.Deadlines;

/** What channel systems do: submit appeals and pass on a resident's withdrawal. */
@RestController
@RequestMapping("/api/appeals")
class IntakeController {

  private final AppealIntake intake;
  private final Withdrawal withdrawal;
  private final Deadlines deadlines;

  IntakeController(AppealIntake intake, Withdrawal withdrawal, Deadlines deadlines) {
    this.intake = intake;
    this.withdrawal = withdrawal;
    this.deadlines = deadlines;
  }

  @PostMapping
  ResponseEntity<Receipt> submit(@RequestBody AppealSubmission submission) {
    AppealIntake.Submitted submitted = intake.submit(submission);
    URI location = UriComponentsBuilder.fromPath("/api/appeals/{id}")
        .buildAndExpand(submitted.appeal().registrationNumber()).encode().toUri();
    return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(location)
        .body(Receipt.of(submitted));
  }

  @PostMapping("/{id}/withdraw")
  Receipt withdraw(@PathVariable("id") String registrationNumber) {
    Appeal withdrawn = withdrawal.withdraw(registrationNumber);
    return Receipt.of(withdrawn, deadlines.of(withdrawn.id()));
  }
}
