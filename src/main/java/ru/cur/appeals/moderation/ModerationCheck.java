package ru.cur.appeals.moderation;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.problem.Problem;
import ru.cur.appeals.problem.Problems;
import ru.cur.appeals.referencedata.Category;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.system.RuleViolation;

/**
 * Refuses to complete a moderation that the process could not act on: the moderator sees the
 * message in Tasklist and the task stays open. Messages are in Russian: moderators read them.
 */
@Component("moderationCheck")
class ModerationCheck implements TaskListener {

  private final ReferenceData referenceData;
  private final AppealRepository appeals;
  private final Problems problems;

  ModerationCheck(ReferenceData referenceData, AppealRepository appeals, Problems problems) {
    this.referenceData = referenceData;
    this.appeals = appeals;
    this.problems = problems;
  }

  @Override
  public void notify(DelegateTask task) {
    Object value = task.getVariable(AppealProcess.MODERATION);
    Moderation moderation = Arrays.stream(Moderation.values())
        .filter(m -> m.name().equals(value))
        .findFirst()
        .orElseThrow(() -> refused("Выберите итог модерации (" + Arrays.toString(Moderation.values()) + ")"));
    String category = text(task.getVariable(AppealProcess.CATEGORY));
    String territory = text(task.getVariable(AppealProcess.TERRITORY));
    if (category != null && referenceData.category(category).isEmpty()) {
      throw refused("Категории «" + category + "» нет в справочнике");
    }
    if (territory != null && referenceData.territory(territory).isEmpty()) {
      throw refused("Территории «" + territory + "» нет в справочнике");
    }
    switch (moderation) {
      case ACCEPT -> {
        if (category == null || !referenceData.category(category).map(Category::isLeaf).orElse(false)) {
          throw refused("Чтобы принять обращение, выберите подкатегорию (например, «Дороги → Ямы на дорогах»)");
        }
        if (territory == null) {
          throw refused("Чтобы принять обращение, выберите территорию");
        }
        String problem = text(task.getVariable(AppealProcess.PROBLEM));
        if (problem != null && !AppealProcess.NO_PROBLEM.equals(problem) && !AppealProcess.NEW_PROBLEM.equals(problem)
            && problems.find(problem).filter(p -> p.status() == Problem.Status.OPEN).isEmpty()) {
          throw refused("Проблема " + problem + " не найдена или уже решена: выберите другую или откройте новую");
        }
      }
      case DUPLICATE -> {
        String original = text(task.getVariable(AppealProcess.DUPLICATE_OF));
        if (original == null || appeals.findByNumber(original).isEmpty()) {
          throw refused("Укажите регистрационный номер существующего обращения, дубликатом которого является это");
        }
        if (original.equals(task.getVariable(AppealProcess.APPEAL_ID))) {
          throw refused("Обращение не может быть дубликатом самого себя");
        }
      }
      case OUT_OF_COMPETENCE -> {
        if (text(task.getVariable(AppealProcess.FORWARD_TO)) == null) {
          throw refused("Укажите орган, в который пересылается обращение");
        }
      }
      case REPEATED -> {
        if (!"FZ59".equals(task.getVariable(AppealProcess.REGIME))) {
          throw refused("Прекратить переписку (ст. 11 ч. 5 59-ФЗ) можно только по обращению по 59-ФЗ");
        }
        if (text(task.getVariable(AppealProcess.REPEAT_OF)) == null) {
          throw refused("Прекратить переписку можно только по повторному обращению: более раннего обращения "
              + "этого заявителя о том же не найдено");
        }
      }
      default -> {
        // NO_SUBSTANCE and ABUSIVE need nothing more than the decision.
      }
    }
  }

  private static RuleViolation refused(String message) {
    return new RuleViolation(message);
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
