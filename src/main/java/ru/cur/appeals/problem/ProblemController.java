package ru.cur.appeals.problem;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.cur.appeals.appeal.AppealStatus;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.security.AppealReader;
import ru.cur.appeals.system.NotFoundException;

/** A problem and the appeals it answers, for staff who may read the problem's organisation's appeals. */
@RestController
@RequestMapping("/api/problems")
class ProblemController {

  private final Problems problems;
  private final ReferenceData referenceData;

  ProblemController(Problems problems, ReferenceData referenceData) {
    this.problems = problems;
    this.referenceData = referenceData;
  }

  @GetMapping("/{id}")
  ProblemView get(@PathVariable("id") String number, Authentication authentication) {
    AppealReader reader = AppealReader.of(authentication);
    Problem problem = problems.find(number).filter(p -> reader.canRead(p.organization()))
        .orElseThrow(() -> new NotFoundException("Проблемы " + number + " нет"));
    return new ProblemView(problem.number(), problem.status(), problem.category(),
        referenceData.categoryName(problem.category()), problem.territory(),
        referenceData.territoryName(problem.territory()), problem.address(), problem.organization(),
        referenceData.organizationName(problem.organization()), problem.answer(), problem.createdAt(),
        problem.answeredAt(), problems.appealsOf(number).stream()
            .map(a -> new ProblemView.LinkedAppeal(a.registrationNumber(), a.channel().name(), a.status(),
                a.receivedAt()))
            .toList());
  }

  /** A problem as the API shows it. */
  record ProblemView(String id, Problem.Status status, String category, String categoryName, String territory,
      String territoryName, String address, String organization, String organizationName, String answer,
      OffsetDateTime createdAt, OffsetDateTime answeredAt, List<LinkedAppeal> appeals) {

    record LinkedAppeal(String id, String channel, AppealStatus status, OffsetDateTime receivedAt) {}
  }
}
