package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import ru.cur.appeals.security.Roles;

/**
 * Only process owners deploy models, and only models without scripts, as Camunda Modeler deploys them:
 * a multipart POST to {@code /engine-rest/deployment/create}. Cockpit deploys through the webapps' own
 * engine API ({@code /camunda/api/engine/engine/default/deployment/create}, a webapp session and a CSRF
 * token); that is no back door because the engine itself refuses, whoever calls it, as
 * {@link #theEngineRefusesWhateverApiCallsIt} shows.
 */
@OnH2
class DeploymentGuardIT {

  private static final String PROCESS_KEY = "Process_GuardTest";
  private static final String HARMLESS = process(PROCESS_KEY, """
      <bpmn:startEvent id="Event_Start" />
      <bpmn:sequenceFlow id="Flow_Start" sourceRef="Event_Start" targetRef="Event_End" />
      <bpmn:endEvent id="Event_End" />
      """);

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repository;
  @Autowired
  IdentityService identity;

  AppealApi api;
  long deploymentsBefore;

  @BeforeEach
  void countDeployments() {
    api = new AppealApi(rest);
    deploymentsBefore = repository.createDeploymentQuery().count();
  }

  @AfterEach
  void removeTestDeployments() {
    identity.clearAuthentication();
    for (Deployment deployment : repository.createDeploymentQuery().deploymentName(AppealApi.TEST_DEPLOYMENT).list()) {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void processOwnerDeploysAModel() {
    ResponseEntity<String> response = deploy("owner", Map.of("guard-test.bpmn", HARMLESS));

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"moderator", "executor"})
  void nobodyElseDeploys(String user) {
    ResponseEntity<String> response = deploy(user, Map.of("guard-test.bpmn", HARMLESS));

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
    assertNothingDeployed();
  }

  /** Camunda lets an administrator pass every authorization check; the guard does not. */
  @Test
  void notEvenTheAdministrator() {
    ResponseEntity<String> response = deploy("admin", Map.of("guard-test.bpmn", HARMLESS));

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
    assertThat(response.getBody()).contains("Only process owners deploy models");
    assertNothingDeployed();
  }

  @Test
  void scriptTaskIsRefusedWithTheWholeDeployment() {
    assertRefused("script-task.bpmn", process("Process_GuardTestScript", """
        <bpmn:startEvent id="Event_Start" />
        <bpmn:sequenceFlow id="Flow_Start" sourceRef="Event_Start" targetRef="Task_Script" />
        <bpmn:scriptTask id="Task_Script" scriptFormat="javascript">
          <bpmn:script>java.lang.System.exit(1)</bpmn:script>
        </bpmn:scriptTask>
        <bpmn:sequenceFlow id="Flow_End" sourceRef="Task_Script" targetRef="Event_End" />
        <bpmn:endEvent id="Event_End" />
        """));
  }

  @Test
  void conditionInJavaScriptIsRefused() {
    assertRefused("js-condition.bpmn", process("Process_GuardTestScript", """
        <bpmn:startEvent id="Event_Start" />
        <bpmn:sequenceFlow id="Flow_Start" sourceRef="Event_Start" targetRef="Event_End">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:endEvent id="Event_End" />
        """));
  }

  @Test
  void decisionInJavaScriptIsRefused() {
    assertRefused("js-decision.dmn", """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_GuardTest"
            name="Guard test" namespace="guard-test" expressionLanguage="javascript">
          <decision id="Decision_GuardTest" name="Guard test">
            <literalExpression id="Expression_GuardTest"><text>java.lang.System.exit(1)</text></literalExpression>
          </decision>
        </definitions>
        """);
  }

  @Test
  void theEngineRefusesWhateverApiCallsIt() {
    identity.setAuthentication("admin", List.of(Roles.ADMIN));

    assertThatThrownBy(() -> repository.createDeployment().name("guard-test")
        .addString("guard-test.bpmn", HARMLESS).deploy())
        .isInstanceOf(AuthorizationException.class).hasMessageContaining(Roles.PROCESS_OWNERS);
    assertNothingDeployed();
  }

  @Test
  void theApplicationDeploysItsOwnModelsWithoutAUser() {
    repository.createDeployment().name("guard-test").addString("guard-test.bpmn", HARMLESS).deploy();

    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count()).isEqualTo(1);
  }

  /** A process owner's deployment of a harmless model with a script beside it: all of it is refused. */
  private void assertRefused(String resource, String content) {
    ResponseEntity<String> response = deploy("owner", Map.of("guard-test.bpmn", HARMLESS, resource, content));

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(response.getBody()).contains(resource);
    assertNothingDeployed();
  }

  private void assertNothingDeployed() {
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
  }

  private ResponseEntity<String> deploy(String user, Map<String, String> resources) {
    return api.deploy(user, resources);
  }

  private static String process(String key, String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_%1$s" targetNamespace="guard-test">
          <bpmn:process id="%1$s" name="Проверка развёртывания" isExecutable="true" camunda:historyTimeToLive="P30D">
        %2$s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, elements);
  }
}
