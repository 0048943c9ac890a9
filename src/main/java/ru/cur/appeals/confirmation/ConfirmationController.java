package ru.cur.appeals.confirmation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The resident's personal link: open without login, the token in the path is the only credential. */
@RestController
@RequestMapping("/api/confirmations")
class ConfirmationController {

  private final Confirmations confirmations;

  ConfirmationController(Confirmations confirmations) {
    this.confirmations = confirmations;
  }

  @GetMapping("/{token}")
  ConfirmationView read(@PathVariable("token") String token) {
    return confirmations.read(token);
  }

  @PostMapping("/{token}")
  Confirmations.Answered answer(@PathVariable("token") String token, @RequestBody ResidentAnswer answer) {
    answer.validate();
    return confirmations.answer(token, answer.resolved(), answer.comment());
  }
}
