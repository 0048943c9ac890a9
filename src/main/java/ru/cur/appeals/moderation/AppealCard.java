package ru.cur.appeals.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
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
 * The appeal as a task's Camunda Form shows it: made from the appeal's row each time the form's variables are read
 * ({@link CardOnForms}), never stored. Kept as task variables it wrote some fifteen rows with every task (14.7 KB
 * of an appeal's runtime rows in moderation, bench/README.md) and showed the appeal as it was when the task was
 * created; read, it shows the appeal as it is, the moderator's problem options included. A text is a text
 * variable of any length here: nothing is stored, so the engine's 4 000 characters do not apply.
 * The moderator's card also carries the options of the form's selects: categories, territories, and the open
 * problems the appeal may be about.
 */
@Component
class AppealCard {

  private final AppealRepository appeals;
  private final ReferenceData referenceData;
  private final FormJson json;
  private final RegionTime time;
  private final DelegationHistory delegationHistory;
  private final Problems problems;
  /** The region's catalogue does not change while the application runs: written as JSON once, not per card. */
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

  /** The card of an appeal for the form of a task of the given definition; empty if no such appeal exists. */
  Map<String, TypedValue> of(String registrationNumber, String taskDefinitionKey) {
    return appeals.findByNumber(registrationNumber).map(appeal -> of(appeal, taskDefinitionKey)).orElse(Map.of());
  }

  private Map<String, TypedValue> of(Appeal appeal, String taskDefinitionKey) {
    Map<String, TypedValue> card = new LinkedHashMap<>();
    Appeal.Author author = appeal.author();
    text(card, "registrationNumber", appeal.registrationNumber());
    // Markdown: the form shows the text in a text view, which is never submitted back.
    text(card, "appealText", MarkdownText.escape(appeal.text()));
    text(card, "channelName", appeal.channel().title());
    text(card, "authorName", orDash(author.name()));
    text(card, "authorContacts", orDash(Stream.of(author.email(), author.phone(), author.postalAddress(),
        author.profileUrl()).filter(Objects::nonNull).collect(Collectors.joining("; "))));
    text(card, "territoryName", appeal.territory() == null ? "не указана"
        : referenceData.territoryName(appeal.territory()));
    text(card, "categoryName", categoryName(appeal));
    text(card, "address", orDash(appeal.address()));
    text(card, "receivedAt", time.dateTime(appeal.receivedAt()));
    if (appeal.organization() != null) {
      text(card, "organizationName", referenceData.organizationName(appeal.organization()));
    }
    if (appeal.repeatOf() != null) {
      appeals.findByNumber(appeal.repeatOf()).ifPresent(earlier -> text(card, "repeatOfText",
          "ранее этот заявитель писал о том же: " + earlier.registrationNumber() + " от "
              + time.dateTime(earlier.registeredAt())
              + (earlier.isClosed() ? ", закрыто" : ", в работе")));
    }
    List<DelegationHistory.Level> levels = delegationHistory.of(appeal.id());
    if (!levels.isEmpty()) {
      text(card, "correspondence", correspondence(levels));
    }
    if (AppealProcess.MODERATE_TASK.equals(taskDefinitionKey)) {
      card.put("categoryOptions", json.ofText(categoryOptions));
      card.put("problemOptions", json.variable(problems.options(appeal)));
      card.put("territoryOptions", json.ofText(territoryOptions));
    }
    return card;
  }

  private static void text(Map<String, TypedValue> card, String name, String value) {
    card.put(name, Variables.stringValue(value));
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
