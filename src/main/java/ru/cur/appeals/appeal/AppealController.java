package ru.cur.appeals.appeal;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.regulation.Deadline;
import ru.cur.appeals.regulation.Deadlines;
import ru.cur.appeals.security.AppealReader;
import ru.cur.appeals.system.InvalidInputException.Violation;
import ru.cur.appeals.system.InvalidInputException;

/** Reading appeals: staff see all of them or only their organisation's (see {@link AppealReader}). */
@RestController
@RequestMapping("/api/appeals")
class AppealController {

  static final int MAX_PAGE_SIZE = 200;

  private final AppealRepository appeals;
  private final ReferenceData referenceData;
  private final Deadlines deadlines;

  AppealController(AppealRepository appeals, ReferenceData referenceData, Deadlines deadlines) {
    this.appeals = appeals;
    this.referenceData = referenceData;
    this.deadlines = deadlines;
  }

  @GetMapping("/{id}")
  AppealView get(@PathVariable("id") String registrationNumber, Authentication authentication) {
    AppealReader reader = AppealReader.of(authentication);
    return appeals.findByNumber(registrationNumber)
        .filter(appeal -> reader.canRead(appeal.organization()))
        .map(appeal -> AppealView.of(appeal, referenceData, deadlines.of(appeal.id())))
        // Someone else's appeal is indistinguishable from a missing one.
        .orElseThrow(() -> new AppealNotFoundException(registrationNumber));
  }

  @GetMapping
  Page<AppealView> search(
      @RequestParam(name = "status", required = false) AppealStatus status,
      @RequestParam(name = "territory", required = false) String territory,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "organization", required = false) String organization,
      @RequestParam(name = "overdue", required = false) Boolean overdue,
      @RequestParam(name = "page", defaultValue = "0") int page,
      @RequestParam(name = "size", defaultValue = "20") int size,
      Authentication authentication) {
    if (page < 0) {
      throw new InvalidInputException(List.of(new Violation("page", "must be 0 or more (pages count from 0)")));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException(List.of(new Violation("size", "must be from 1 to " + MAX_PAGE_SIZE)));
    }
    AppealReader reader = AppealReader.of(authentication);
    AppealSearch search = new AppealSearch(status, territory, category, organization, overdue,
        reader.seesAll() ? null : reader.organizations(), page, size);
    Page<Appeal> found = appeals.search(search);
    Map<Long, Map<String, Deadline>> pageDeadlines = deadlines.of(found.items().stream().map(Appeal::id).toList());
    return found.map(appeal -> AppealView.of(appeal, referenceData, pageDeadlines.getOrDefault(appeal.id(), Map.of())));
  }
}
