package ru.cur.appeals.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class CardOnFormsTest {

  private static final List<String> FORMS = List.of("moderate-appeal", "prepare-answer", "approve-answer",
      "approve-extension", "first-reply", "control-overdue", "problem-answer", "mail-letter");

  @Test
  void everyTaskWhoseFormShowsTheAppealCarriesTheCardAndNoOtherDoes() throws IOException {
    Map<String, String> formTexts = new TreeMap<>();
    for (String name : FORMS) {
      String text = resource("processes/" + name + ".form");
      formTexts.put(new ObjectMapper().readTree(text).path("id").asText(), text);
    }
    List<UserTask> tasks = new ArrayList<>();
    for (String process : List.of("citizen-appeal", "appeal-problem", "postal-letter")) {
      BpmnModelInstance model = Bpmn.readModelFromStream(getClass().getClassLoader()
          .getResourceAsStream("processes/" + process + ".bpmn"));
      tasks.addAll(model.getModelElementsByType(UserTask.class));
    }

    assertThat(tasks).filteredOn(CardOnFormsTest::carriesTheCard).hasSizeBetween(1, tasks.size() - 1);
    for (UserTask task : tasks) {
      String form = formTexts.get(task.getCamundaFormRef());
      assertThat(form).as("the form of %s", task.getId()).isNotNull();
      assertThat(carriesTheCard(task)).as("%s's form shows the appeal's text", task.getId())
          .isEqualTo(form.contains("{{appealText}}"));
    }
  }

  private static boolean carriesTheCard(UserTask task) {
    return task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
        .filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .anyMatch(property -> CardOnForms.PROPERTY.equals(property.getCamundaName())
            && CardOnForms.APPEAL.equals(property.getCamundaValue()));
  }

  private String resource(String name) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
