package ru.cur.appeals.moderation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.delegation.DelegationHistory;
import ru.cur.appeals.problem.Problems;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.system.FormJson;
import ru.cur.appeals.system.MarkdownText;
import ru.cur.appeals.system.RegionTime;

/**
 * Shows the appeal in the task's Camunda Form. Business data stays in the appeal's row; the card is
 * copied into task-local variables when the task is created, so it lives as long as the task.
 * The moderator's task also gets the options of the form's selects: categories, territories, and the
 * open problems the appeal may be about.
 */
@Component("appealCard")
class AppealCard implements TaskListener {

  /** The card's task-local variables: copies of the appeal's row, kept out of history ({@link CardWithoutHistory}). */
  static final Set<String> VARIABLES = Set.of("registrationNumber", "appealText", "channelName", "authorName",
      "authorContacts", "territoryName", "categoryName", "address", "receivedAt", "organizationName", "repeatOfText",
      "correspondence", "categoryOptions", Problems.PROBLEM_OPTIONS, "territoryOptions");

  private final AppealRepository appeals;
  private final ReferenceData referenceData;
  private final FormJson json;
  private final RegionTime time;
  private final DelegationHistory delegationHistory;
  private final Problems problems;
  /** The region's catalogue does not change while the application runs: written as JSON once, not per task. */
  private final String categoryOptions;
  private final String territoryOptions;

  AppealCard(AppealRepository appeals, ReferenceData referenceData, FormJson json, RegionTime time,
      DelegationHistory delegationHistory, Problems problems) {
    this.appeals = appeals;
    this.referenceData = referenceData;
    this.json = json;
    this.time = time;
    this.delegationHistory = delegationHistory;
    this.problems = problems;
    this.categoryOptions = json.text(referenceData.leafCategories().stream()
        .map(c -> Map.of("value", c.code(), "label", referenceData.categoryName(c.parent()) + " → " + c.name()))
        .toList());
    this.territoryOptions = json.text(referenceData.territories().stream()
        .map(t -> Map.of("value", t.code(), "label", t.name()))
        .toList());
  }

  @Override
  public void notify(DelegateTask task) {
    Appeal appeal = appeals.getByNumber((String) task.getVariable(AppealProcess.APPEAL_ID));
    Appeal.Author author = appeal.author();
    task.setVariableLocal("registrationNumber", appeal.registrationNumber());
    // A resident may write 10 000 characters; the engine keeps a text variable in 4 000. As JSON the
    // text is stored whole, and the form shows it in a text view, which is never submitted back.
    task.setVariableLocal("appealText", json.variable(MarkdownText.escape(appeal.text())));
    task.setVariableLocal("channelName", appeal.channel().title());
    task.setVariableLocal("authorName", orDash(author.name()));
    task.setVariableLocal("authorContacts", orDash(Stream.of(author.email(), author.phone(), author.postalAddress(),
        author.profileUrl()).filter(Objects::nonNull).collect(Collectors.joining("; "))));
    task.setVariableLocal("territoryName", appeal.territory() == null ? "не указана"
        : referenceData.territoryName(appeal.territory()));
    task.setVariableLocal("categoryName", categoryName(appeal));
    task.setVariableLocal("address", orDash(appeal.address()));
    task.setVariableLocal("receivedAt", time.dateTime(appeal.receivedAt()));
    if (appeal.organization() != null) {
      task.setVariableLocal("organizationName", referenceData.organizationName(appeal.organization()));
    }
    if (appeal.repeatOf() != null) {
      appeals.findByNumber(appeal.repeatOf()).ifPresent(earlier -> task.setVariableLocal("repeatOfText",
          "ранее этот заявитель писал о том же: " + earlier.registrationNumber() + " от "
              + time.dateTime(earlier.registeredAt())
              + (earlier.isClosed() ? ", закрыто" : ", в работе")));
    }
    List<DelegationHistory.Level> levels = delegationHistory.of(appeal.id());
    if (!levels.isEmpty()) {
      task.setVariableLocal("correspondence", json.variable(correspondence(levels)));
    }
    if (AppealProcess.MODERATE_TASK.equals(task.getTaskDefinitionKey())) {
      task.setVariableLocal("categoryOptions", json.ofText(categoryOptions));
      task.setVariableLocal(Problems.PROBLEM_OPTIONS, problems.optionsValue(appeal));
      task.setVariableLocal("territoryOptions", json.ofText(territoryOptions));
    }
  }

  private String categoryName(Appeal appeal) {
    if (appeal.category() != null) {
      return referenceData.categoryName(appeal.category());
    }
    if (appeal.categoryHint() != null && referenceData.category(appeal.categoryHint()).isPresent()) {
      return referenceData.categoryName(appeal.categoryHint()) + " (по данным канала)";
    }
    return "не указана";
  }

  /** What the levels below answered and why the appeal climbed, for the next level's card. */
  private String correspondence(List<DelegationHistory.Level> levels) {
    StringBuilder text = new StringBuilder();
    for (DelegationHistory.Level level : levels) {
      text.append("**Уровень ").append(level.level()).append(" — ")
          .append(MarkdownText.escape(referenceData.organizationName(level.organization()))).append("**");
      if (level.answeredAt() != null) {
        text.append(", ответ от ").append(time.dateTime(level.answeredAt()));
      }
      text.append("  \n").append(MarkdownText.escape(level.answer() == null ? "—" : level.answer())).append("  \n")
          .append("*Итог: ").append(level.outcome().shown()).append("*");
      if (level.residentComment() != null && !level.residentComment().isBlank()) {
        text.append("  \nКомментарий заявителя: «").append(MarkdownText.escape(level.residentComment())).append("»");
      }
      text.append("\n\n");
    }
    return text.toString().strip();
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }
}
