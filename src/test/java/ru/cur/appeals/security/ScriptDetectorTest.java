package ru.cur.appeals.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptDetectorTest {

  private static final String BPMN_HEAD = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="test">
        <bpmn:process id="Process_Test" isExecutable="true" camunda:historyTimeToLive="P30D">
      """;
  private static final String BPMN_TAIL = """
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Test
  void everyModelOfTheApplicationPasses() throws IOException {
    List<Path> models;
    try (Stream<Path> processes = Files.list(Path.of("processes"));
        Stream<Path> decisions = Files.list(Path.of("decisions"))) {
      models = Stream.concat(processes, decisions).toList();
    }
    assertThat(models).as("processes/ and decisions/").hasSizeGreaterThanOrEqualTo(6);
    for (Path model : models) {
      assertThat(ScriptDetector.reasonToRefuse(model.getFileName().toString(), Files.readAllBytes(model)))
          .as(model.toString()).isEmpty();
    }
  }

  @Test
  void aProcessOfExpressionsOnlyPasses() {
    assertThat(bpmn("""
        <bpmn:startEvent id="Event_Start" />
        <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Event_End">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${appeal.urgent}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:endEvent id="Event_End" />
        """)).isEmpty();
  }

  @Test
  void scriptTaskIsRefused() {
    assertThat(bpmn("""
        <bpmn:scriptTask id="Task_Script" scriptFormat="groovy">
          <bpmn:script>"rm -rf /".execute()</bpmn:script>
        </bpmn:scriptTask>
        """)).hasValueSatisfying(reason -> assertThat(reason).contains("element <scriptTask>"));
  }

  @Test
  void scriptListenerIsRefused() {
    assertThat(bpmn("""
        <bpmn:startEvent id="Event_Start">
          <bpmn:extensionElements>
            <camunda:executionListener event="start">
              <camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script>
            </camunda:executionListener>
          </bpmn:extensionElements>
        </bpmn:startEvent>
        """)).hasValueSatisfying(reason -> assertThat(reason).contains("element <script>"));
  }

  @Test
  void scriptInputParameterIsRefused() {
    assertThat(bpmn("""
        <bpmn:serviceTask id="Task_Service" camunda:delegateExpression="${registerAppeal}">
          <bpmn:extensionElements>
            <camunda:inputOutput>
              <camunda:inputParameter name="x"><camunda:script scriptFormat="python">1</camunda:script></camunda:inputParameter>
            </camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:serviceTask>
        """)).hasValueSatisfying(reason -> assertThat(reason).contains("element <script>"));
  }

  @Test
  void conditionInJavaScriptIsRefused() {
    assertThat(bpmn("""
        <bpmn:sequenceFlow id="Flow_1" sourceRef="a" targetRef="b">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        """)).hasValueSatisfying(reason -> assertThat(reason).contains("language=\"javascript\""));
  }

  @Test
  void scriptResourceReferenceIsRefused() {
    assertThat(bpmn("""
        <bpmn:sequenceFlow id="Flow_1" sourceRef="a" targetRef="b">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="juel"
              camunda:resource="deployment://condition.txt" />
        </bpmn:sequenceFlow>
        """)).hasValueSatisfying(reason -> assertThat(reason).contains("resource=\"deployment://condition.txt\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript", "groovy", "python", "JavaScript"})
  void decisionInAScriptLanguageIsRefused(String language) {
    assertThat(dmn("expressionLanguage=\"" + language + "\"", ""))
        .hasValueSatisfying(reason -> assertThat(reason).contains(language));
    assertThat(dmn("", "expressionLanguage=\"" + language + "\"")).isPresent();
    assertThat(dmn("typeLanguage=\"" + language + "\"", "")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"feel", "FEEL", "juel", "https://www.omg.org/spec/DMN/20191111/FEEL/",
      "http://www.omg.org/spec/FEEL/20140401"})
  void decisionInFeelOrJuelPasses(String language) {
    assertThat(dmn("expressionLanguage=\"" + language + "\"", "expressionLanguage=\"" + language + "\"")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.js", "evil.groovy", "evil.py", "evil.rb", "evil.ts", "EVIL.JS"})
  void scriptFilesAreRefused(String name) {
    assertThat(ScriptDetector.reasonToRefuse(name, "1".getBytes(StandardCharsets.UTF_8)))
        .hasValue("it has the file name of a script");
  }

  @Test
  void aDtdIsRefusedWithoutReadingItsEntities() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/">&secret;</definitions>
        """;
    assertThat(ScriptDetector.reasonToRefuse("table.dmn", xxe.getBytes(StandardCharsets.UTF_8)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("DTD").doesNotContain("root:"));
  }

  @Test
  void otherResourcesAreNotParsed() {
    byte[] form = "{\"components\": []}".getBytes(StandardCharsets.UTF_8);
    assertThat(ScriptDetector.reasonToRefuse("moderate-appeal.form", form)).isEmpty();
  }

  private static Optional<String> bpmn(String elements) {
    byte[] process = (BPMN_HEAD + elements + BPMN_TAIL).getBytes(StandardCharsets.UTF_8);
    return ScriptDetector.reasonToRefuse("test.bpmn", process);
  }

  /** A one-rule decision table, {@code definitions} carrying the first attribute, its input expression the second. */
  private static Optional<String> dmn(String definitionsAttribute, String inputAttribute) {
    String table = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Test" name="Test"
            namespace="test" %s>
          <decision id="Decision_Test" name="Test">
            <decisionTable id="Table_Test">
              <input id="Input_Category">
                <inputExpression id="Expression_Category" typeRef="string" %s><text>category</text></inputExpression>
              </input>
              <output id="Output_Term" name="term" typeRef="integer" />
              <rule id="Rule_Any">
                <inputEntry id="Entry_Any"><text>-</text></inputEntry>
                <outputEntry id="Entry_Term"><text>30</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(definitionsAttribute, inputAttribute);
    return ScriptDetector.reasonToRefuse("test.dmn", table.getBytes(StandardCharsets.UTF_8));
  }
}
