package ru.cur.appeals.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class CardOnFormsTest {

  @Test
  void everyTaskWhoseFormShowsTheAppealCarriesTheCardAndNoOtherDoes() throws IOException {
    List<Path> files;
    try (Stream<Path> processes = Files.list(Path.of("processes"))) {
      files = processes.toList();
    }
    Map<String, String> formTexts = new TreeMap<>();
    List<UserTask> tasks = new ArrayList<>();
    for (Path file : files) {
      if (file.toString().endsWith(".form")) {
        String text = Files.readString(file);
        formTexts.put(new ObjectMapper().readTree(text).path("id").asText(), text);
      } else if (file.toString().endsWith(".bpmn")) {
        tasks.addAll(Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class));
      }
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
}
