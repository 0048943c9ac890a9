package ru.cur.appeals.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriUtils;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import ru.cur.appeals.AppealApi;
import ru.cur.appeals.OnH2;
import ru.cur.appeals.ResidentLink;

/**
 * Open311 GeoReport v2 over HTTP as a client application uses it: the spec's own example calls (with the
 * region's service codes), filing a pothole that then runs its whole course, the filters, the errors in both
 * formats, and what a client may never read.
 */
@OnH2
class Open311IT {

  private static final String KEY = "demo-open311-key";
  private static final String BERDSK_LAT = "54.7583";
  private static final String BERDSK_LONG = "83.1073";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private AppealApi api;

  @BeforeEach
  void fixTheClock() {
    api = new AppealApi(rest);
    // A Wednesday in the region, in working hours.
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-18T10:00:00+07:00").toInstant()));
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  // --- the spec's examples, with the region's service codes ---

  @Test
  void serviceListAnswersLikeTheSpecsExample() throws Exception {
    JsonNode services = json.readTree(get("/open311/v2/services.json").getBody());

    JsonNode potholes = find(services, "service_code", "roads.potholes");
    assertThat(potholes).isEqualTo(json.readTree("""
        {"service_code":"roads.potholes","service_name":"Ямы на дорогах","description":"Дороги — Ямы на дорогах",
         "metadata":true,"type":"realtime","keywords":"ямы, дорогах, дороги","group":"Дороги"}"""));
    assertThat(fieldNames(potholes)).containsExactly("service_code", "service_name", "description", "metadata",
        "type", "keywords", "group");
    List<String> codes = new ArrayList<>();
    services.forEach(service -> codes.add(service.get("service_code").asText()));
    assertThat(codes).contains("healthcare.appointment", "housing.heating", "social.care")
        .allMatch(code -> code.contains("."), "only subcategories are services");

    String xml = get("/open311/v2/services.xml").getBody();
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><services><service>")
        .contains("<service><service_code>roads.potholes</service_code><service_name>Ямы на дорогах</service_name>"
            + "<description>Дороги — Ямы на дорогах</description><metadata>true</metadata><type>realtime</type>"
            + "<keywords>ямы, дорогах, дороги</keywords><group>Дороги</group></service>");
    assertThat(xpath(xml, "count(/services/service)")).isEqualTo(String.valueOf(codes.size()));
  }

  @Test
  void serviceDefinitionAnswersLikeTheSpecsExample() throws Exception {
    JsonNode definition = json.readTree(get("/open311/v2/services/roads.potholes.json").getBody());

    assertThat(fieldNames(definition)).containsExactly("service_code", "attributes");
    assertThat(definition.get("service_code").asText()).isEqualTo("roads.potholes");
    JsonNode territory = definition.get("attributes").get(0);
    assertThat(fieldNames(territory)).containsExactly("variable", "code", "datatype", "required",
        "datatype_description", "order", "description", "values");
    assertThat(territory.get("code").asText()).isEqualTo("territory");
    assertThat(territory.get("datatype").asText()).isEqualTo("singlevaluelist");
    assertThat(territory.get("required").asBoolean()).isFalse();
    assertThat(find(territory.get("values"), "key", "berdsk")).isEqualTo(json.readTree(
        "{\"key\":\"berdsk\",\"name\":\"город Бердск\"}"));

    String xml = get("/open311/v2/services/roads.potholes.xml").getBody();
    assertThat(xpath(xml, "/service_definition/service_code")).isEqualTo("roads.potholes");
    assertThat(xpath(xml, "/service_definition/attributes/attribute/code")).isEqualTo("territory");
    assertThat(xpath(xml, "/service_definition/attributes/attribute/values/value[key='koltsovo']/name"))
        .isEqualTo("рабочий посёлок Кольцово");
  }

  @Test
  void postRequestAnswersLikeTheSpecsExample() throws Exception {
    ResponseEntity<String> created = post("json", specsExampleRequest());

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getContentType().toString()).isEqualTo("application/json;charset=UTF-8");
    JsonNode receipt = json.readTree(created.getBody());
    assertThat(receipt).hasSize(1);
    assertThat(fieldNames(receipt.get(0))).containsExactly("service_request_id", "service_notice", "account_id");
    String id = receipt.get(0).get("service_request_id").asText();
    assertThat(id).matches("ЦУР-2026-\\d{6}");
    assertThat(receipt.get(0).get("service_notice").asText()).startsWith("Сообщение проверяет модератор ЦУР до ");
    assertThat(receipt.get(0).get("account_id").asText()).isEqualTo("123456");
    assertThat(created.getHeaders().getLocation().toString())
        .isEqualTo("/open311/v2/requests/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + ".json");

    Map<String, Object> appeal = api.appealAs("moderator", id);
    assertThat(appeal).containsEntry("channel", "OPEN311").containsEntry("territory", "berdsk")
        .containsEntry("categoryHint", "roads.potholes").containsEntry("text", "Большая яма разрушает дорогу")
        .containsEntry("address", "Бердск, ул. Ленина, 12")
        .containsEntry("sourceUrl", "https://example.ru/photos/2212426634.jpg")
        .containsEntry("location", Map.of("lat", 54.7583, "lon", 83.1073))
        .containsEntry("author", author("Иван Смирнов", "smirnov@example.ru", "+7 913 111-11-11"));

    MultiValueMap<String, String> xmlExample = specsExampleRequest();
    xmlExample.set("description", "Вторая яма рядом с первой");
    String xml = post("xml", xmlExample).getBody();
    assertThat(xml).matches("<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?><service_requests><request>"
        + "<service_request_id>ЦУР-2026-\\d{6}</service_request_id><service_notice>[^<]+</service_notice>"
        + "<account_id>123456</account_id></request></service_requests>");
  }

  @Test
  void getRequestsAnswersLikeTheSpecsExample() throws Exception {
    String id = idOf(post("json", specsExampleRequest()));

    String xml = get("/open311/v2/requests.xml?start_date={start}&end_date={end}&status=open",
        "2026-11-01T00:00:00Z", "2026-11-30T00:00:00Z").getBody();

    assertThat(xpath(xml, "count(/service_requests/request[service_request_id='" + id + "'])")).isEqualTo("1");
    NodeList fields = nodes(xml, "/service_requests/request[service_request_id='" + id + "']/*");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < fields.getLength(); i++) {
      names.add(fields.item(i).getNodeName());
    }
    assertThat(names).containsExactly("service_request_id", "status", "status_notes", "service_name", "service_code",
        "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
        "expected_datetime", "address", "lat", "long", "media_url");
    String request = "/service_requests/request[service_request_id='" + id + "']/";
    assertThat(xpath(xml, request + "status")).isEqualTo("open");
    assertThat(xpath(xml, request + "service_code")).isEqualTo("roads.potholes");
    assertThat(xpath(xml, request + "service_name")).isEqualTo("Ямы на дорогах");
    assertThat(xpath(xml, request + "requested_datetime")).isEqualTo("2026-11-18T10:00:00+07:00");
    assertThat(xpath(xml, request + "address")).isEqualTo("Бердск, ул. Ленина, 12");
    assertThat(xpath(xml, request + "lat")).isEqualTo("54.7583");
    assertThat(xpath(xml, request + "long")).isEqualTo("83.1073");

    JsonNode one = json.readTree(get("/open311/v2/requests/{id}.json", id).getBody());
    assertThat(one).hasSize(1);
    assertThat(fieldNames(one.get(0))).containsExactlyElementsOf(names);
  }

  @Test
  void errorsAnswerLikeTheSpecsExample() throws Exception {
    ResponseEntity<String> refused = rest.getForEntity("/open311/v2/services.json?api_key=wrong", String.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(json.readTree(refused.getBody())).isEqualTo(json.readTree(
        "[{\"code\":403,\"description\":\"Invalid api_key: the appeal center knows no client with this key\"}]"));

    String xml = rest.getForEntity("/open311/v2/services.xml?api_key=wrong", String.class).getBody();
    assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>403</code>"
        + "<description>Invalid api_key: the appeal center knows no client with this key</description></error></errors>");
  }

  // --- the done-when ---

  @Test
  void potholeFiledByAnOpen311ClientInBerdskRunsItsCourseAndShowsClosedWithTheAnswer() throws Exception {
    MultiValueMap<String, String> pothole = form(
        "service_code", "roads.potholes", "lat", BERDSK_LAT, "long", BERDSK_LONG,
        "description", "Яма на дороге у дома 12, глубокая", "email", "petrov@example.ru", "phone", "+7 913 222-33-44",
        "first_name", "Пётр", "last_name", "Петров", "device_id", "device-42", "account_id", "acc-7");
    String id = idOf(post("json", pothole));
    assertThat(api.appealAs("moderator", id)).containsEntry("territory", "berdsk").containsEntry("channel", "OPEN311");

    Map<String, String> filed = request(id);
    assertThat(filed).containsEntry("status", "open").containsEntry("service_code", "roads.potholes")
        .containsEntry("description", null).containsEntry("agency_responsible", null)
        .containsEntry("address", "город Бердск");
    // Eight working hours from Wednesday 10:00, the lunch hour left out.
    assertThat(filed.get("service_notice")).isEqualTo("Сообщение проверяет модератор ЦУР до 19.11.2026 10:00");

    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "roads.potholes", "territory", "berdsk"));
    Map<String, String> inWork = request(id);
    assertThat(inWork).containsEntry("status", "open")
        .containsEntry("agency_responsible", "Администрация города Бердска")
        .containsEntry("description", "Яма на дороге у дома 12, глубокая");
    assertThat(inWork.get("service_notice")).startsWith("Ответ готовит Администрация города Бердска до ");
    @SuppressWarnings("unchecked")
    Map<String, Object> answerTerm = (Map<String, Object>) ((Map<String, Object>) api.appealAs("moderator", id)
        .get("deadlines")).get("answer");
    assertThat(OffsetDateTime.parse(inWork.get("expected_datetime")))
        .isEqualTo(OffsetDateTime.parse((String) answerTerm.get("due")));
    assertThat(inWork.get("expected_datetime")).endsWith("+07:00");

    api.complete("executor", id, "prepare-answer", Map.of("answerText", "Яма заделана", "problemSolved", true));
    assertThat(request(id)).containsEntry("status", "open").containsEntry("status_notes", "Яма заделана");

    new ResidentLink(jdbc, rest).answer(id, true, "Да, заделали");

    Map<String, String> closed = request(id);
    assertThat(closed).containsEntry("status", "closed").containsEntry("status_notes", "Яма заделана")
        .containsEntry("agency_responsible", "Администрация города Бердска").containsEntry("service_notice", null);
    assertThat(api.appealAs("moderator", id)).containsEntry("outcome", "RESOLVED");

    // The id in the path percent-encoded, as the Location header gives it, in XML as well.
    String xml = getUri("/open311/v2/requests/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8)
        + ".xml?api_key=" + KEY).getBody();
    assertThat(xpath(xml, "/service_requests/request/status")).isEqualTo("closed");
    assertThat(xpath(xml, "/service_requests/request/status_notes")).isEqualTo("Яма заделана");
    assertThat(xpath(xml, "/service_requests/request/agency_responsible")).isEqualTo("Администрация города Бердска");

    String everything = get("/open311/v2/requests/{id}.json", id).getBody()
        + get("/open311/v2/requests.xml?service_request_id={id}", id).getBody();
    assertThat(everything).doesNotContain("petrov@example.ru", "222-33-44", "Пётр", "Петров", "device-42", "acc-7");
  }

  // --- location ---

  @Test
  void anAddressNamingTheTownIsEnoughAndTheChosenTerritoryToo() throws Exception {
    String byAddress = idOf(post("json", form("service_code", "housing.garbage",
        "address_string", "г. Искитим, ул. Пушкина, 40", "description", "Не вывозят мусор")));
    String byAttribute = idOf(post("json", form("service_code", "housing.garbage",
        "address_string", "ул. Ленина, 3", "attribute[territory]", "ob", "description", "Не вывозят мусор")));
    String chosenOverThePoint = idOf(post("json", form("service_code", "roads.potholes",
        "lat", BERDSK_LAT, "long", BERDSK_LONG, "attribute[territory]", "novosibirsky-district", "description", "Яма")));

    assertThat(api.appealAs("moderator", byAddress)).containsEntry("territory", "iskitim").containsEntry("location", null);
    assertThat(api.appealAs("moderator", byAttribute)).containsEntry("territory", "ob");
    assertThat(api.appealAs("moderator", chosenOverThePoint)).containsEntry("territory", "novosibirsky-district");
  }

  @Test
  void withoutALocationInTheRegionNothingIsFiled() throws Exception {
    long before = appealCount();

    assertThat(errors(post("json", form("service_code", "roads.potholes", "description", "Яма"))))
        .containsExactly("400: A location is required: send lat and long, or address_string naming the town or "
            + "district, or attribute[territory]");
    assertThat(errors(post("json", form("service_code", "roads.potholes", "lat", "55.7558", "long", "37.6173",
        "description", "Яма в Москве")))).singleElement().asString()
        .startsWith("400: lat/long: the point 55.7558, 37.6173 lies outside the region");
    assertThat(errors(post("json", form("service_code", "roads.potholes", "lat", BERDSK_LAT, "description", "Яма"))))
        .containsExactly("400: lat and long go together: long is missing");
    assertThat(errors(post("json", form("service_code", "roads.potholes", "address_string", "ул. Ленина, 1",
        "description", "Яма")))).singleElement().asString()
        .startsWith("400: address_string: names no town or district of the region; send attribute[territory]");
    assertThat(errors(post("json", form("service_code", "roads.potholes", "attribute[territory]", "moscow",
        "description", "Яма")))).singleElement().asString().startsWith("400: attribute[territory]: unknown territory 'moscow'");
    assertThat(appealCount()).isEqualTo(before);
  }

  // --- input errors ---

  @Test
  void badInputIsRefusedWithTheParameterToFixAndNothingIsFiled() throws Exception {
    long before = appealCount();

    assertThat(errors(post("json", form("service_code", "roads.teleport", "lat", BERDSK_LAT, "long", BERDSK_LONG))))
        .containsExactly("400: service_code: unknown service 'roads.teleport'; GET services lists them");
    assertThat(errors(post("json", form("service_code", "roads", "lat", BERDSK_LAT, "long", BERDSK_LONG))))
        .as("a group is not a service").containsExactly("400: service_code: unknown service 'roads'; GET services lists them");
    assertThat(errors(post("json", form("lat", BERDSK_LAT, "long", BERDSK_LONG))))
        .containsExactly("400: service_code is required; GET services lists them");
    assertThat(errors(post("json", form("service_code", "roads.potholes", "lat", BERDSK_LAT, "long", BERDSK_LONG,
        "attribute[depth]", "30"))))
        .containsExactly("400: attribute[depth]: the service has no such attribute; GET services/roads.potholes lists its attributes");
    // The intake's own checks, named by the Open311 parameters.
    assertThat(errors(post("json", form("service_code", "roads.potholes", "lat", BERDSK_LAT, "long", BERDSK_LONG,
        "email", "not-an-address", "media_url", "ftp://example.ru/photo.jpg", "description", "x".repeat(10_001)))))
        .containsExactlyInAnyOrder("400: email: is not an e-mail address",
            "400: media_url: is not an http(s) address of at most 2000 characters",
            "400: description: is 10001 characters long; at most 10000 are accepted — attach longer documents to the "
                + "official appeal instead");

    ResponseEntity<String> xml = post("xml", form("service_code", "roads.teleport", "lat", BERDSK_LAT, "long", BERDSK_LONG));
    assertThat(xml.getStatusCode().value()).isEqualTo(400);
    assertThat(xml.getHeaders().getContentType().toString()).isEqualTo("text/xml;charset=UTF-8");
    assertThat(xpath(xml.getBody(), "/errors/error/code")).isEqualTo("400");
    assertThat(appealCount()).isEqualTo(before);
  }

  @Test
  void aReportWithoutDescriptionIsTheServiceAtThePlace() throws Exception {
    String id = idOf(post("json", form("service_code", "roads.lighting", "lat", BERDSK_LAT, "long", BERDSK_LONG)));

    assertThat(api.appealAs("moderator", id)).containsEntry("text", "Уличное освещение");
  }

  @Test
  void unknownThingsAreNotFoundInTheSpecsFormat() throws Exception {
    assertThat(errors(get("/open311/v2/services/roads.teleport.json")))
        .containsExactly("404: No service 'roads.teleport'; GET services lists them");
    assertThat(errors(get("/open311/v2/requests/{id}.json", "ЦУР-2026-999999")))
        .containsExactly("404: No service request ЦУР-2026-999999");
    ResponseEntity<String> unknown = get("/open311/v2/tokens/1.xml");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(xpath(unknown.getBody(), "/errors/error/description")).startsWith("No such Open311 resource");
    assertThat(errors(get("/open311/v2/services.csv"))).singleElement().asString().startsWith("404: No such Open311 resource");
    assertThat(errors(get("/open311/v3/services.json"))).singleElement().asString().startsWith("404: No such Open311 resource");
  }

  // --- api_key ---

  @Test
  void everyCallNeedsTheClientsKeyAndStaffLoginsDoNotReplaceIt() throws Exception {
    assertThat(errors(rest.getForEntity("/open311/v2/services.json", String.class))).containsExactly(
        "403: api_key is required: every Open311 call carries the key the appeal center gave the client");
    assertThat(errors(rest.getForEntity("/open311/v2/discovery.json", String.class))).hasSize(1);
    assertThat(errors(rest.withBasicAuth("admin", "admin").getForEntity("/open311/v2/requests.json", String.class)))
        .singleElement().asString().startsWith("403: api_key is required");
    MultiValueMap<String, String> wrongKey = form("service_code", "roads.potholes", "lat", BERDSK_LAT, "long", BERDSK_LONG);
    wrongKey.set("api_key", "guess");
    long before = appealCount();
    ResponseEntity<String> refused = rest.postForEntity("/open311/v2/requests.xml", formEntity(wrongKey), String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(xpath(refused.getBody(), "/errors/error/code")).isEqualTo("403");
    assertThat(appealCount()).isEqualTo(before);
  }

  @Test
  void answersCarryTheProtectiveHeadersAndNoSession() {
    ResponseEntity<String> services = get("/open311/v2/services.json");

    assertThat(services.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(services.getHeaders().getCacheControl()).contains("no-store");
    assertThat(services.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(services.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    assertThat(rest.getForEntity("/open311/v2/services.json", String.class).getHeaders().getFirst("X-Content-Type-Options"))
        .isEqualTo("nosniff");
  }

  // --- idempotency ---

  @Test
  void theSameRequestAgainIsTheSameServiceRequestThatDayAndTheNextButNotLater() throws Exception {
    MultiValueMap<String, String> pothole = form("service_code", "roads.potholes", "lat", BERDSK_LAT,
        "long", BERDSK_LONG, "description", "Яма " + UUID.randomUUID(), "device_id", "device-1");
    ResponseEntity<String> first = post("json", pothole);
    ResponseEntity<String> retry = post("json", pothole);

    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(retry.getStatusCode().value()).isEqualTo(200);
    assertThat(idOf(retry)).isEqualTo(idOf(first));

    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-19T00:05:00+07:00").toInstant()));
    assertThat(idOf(post("json", pothole))).as("a retry after midnight").isEqualTo(idOf(first));

    MultiValueMap<String, String> anotherDevice = new LinkedMultiValueMap<>(pothole);
    anotherDevice.set("device_id", "device-2");
    assertThat(post("json", anotherDevice).getStatusCode().value()).as("another resident's phone").isEqualTo(201);

    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-25T10:00:00+07:00").toInstant()));
    ResponseEntity<String> weekLater = post("json", pothole);
    assertThat(weekLater.getStatusCode().value()).as("the pothole came back").isEqualTo(201);
    assertThat(idOf(weekLater)).isNotEqualTo(idOf(first));
  }

  // --- what a client reads ---

  @Test
  void filtersFindRequestsByIdServiceStatusAndDate() throws Exception {
    String pothole = idOf(post("json", form("service_code", "roads.potholes", "lat", BERDSK_LAT, "long", BERDSK_LONG,
        "description", "Яма " + UUID.randomUUID())));
    String snow = idOf(post("json", form("service_code", "roads.snow", "lat", BERDSK_LAT, "long", BERDSK_LONG,
        "description", "Не чистят снег " + UUID.randomUUID())));
    String withdrawn = idOf(post("json", form("service_code", "roads.snow", "lat", BERDSK_LAT, "long", BERDSK_LONG,
        "description", "Снег " + UUID.randomUUID())));
    assertThat(api.withdraw(withdrawn).getStatusCode().value()).isEqualTo(200);

    assertThat(ids(get("/open311/v2/requests.json"))).contains(pothole, snow, withdrawn);
    assertThat(ids(get("/open311/v2/requests.json?service_code=roads.snow"))).contains(snow, withdrawn)
        .doesNotContain(pothole);
    assertThat(ids(get("/open311/v2/requests.json?status=closed"))).contains(withdrawn).doesNotContain(pothole, snow);
    assertThat(ids(get("/open311/v2/requests.json?status=open&service_code=roads.snow,roads.potholes")))
        .contains(pothole, snow).doesNotContain(withdrawn);
    assertThat(ids(get("/open311/v2/requests.json?service_request_id={a},{b}&status=closed", pothole, withdrawn)))
        .as("ids override every other filter").containsExactly(withdrawn, pothole);
    assertThat(ids(get("/open311/v2/requests.json?start_date={start}&end_date={end}",
        "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"))).doesNotContain(pothole, snow, withdrawn);
    assertThat(ids(get("/open311/v2/requests.json?end_date={end}", "2026-12-01T00:00:00Z"))).contains(pothole);
    assertThat(request(withdrawn)).containsEntry("status", "closed").containsEntry("status_notes", "Отозвано заявителем");

    assertThat(errors(get("/open311/v2/requests.json?start_date={start}&end_date={end}",
        "2026-01-01T00:00:00Z", "2026-11-01T00:00:00Z"))).singleElement().asString().contains("at most 90 days");
    assertThat(errors(get("/open311/v2/requests.json?status=pending"))).hasSize(1);
    assertThat(errors(get("/open311/v2/requests.json?service_code=roads.teleport"))).hasSize(1);
  }

  @Test
  void appealsFromOtherChannelsAreNeverShown() throws Exception {
    Map<String, Object> post = new LinkedHashMap<>();
    post.put("channel", "SOCIAL");
    post.put("externalId", "vk-" + UUID.randomUUID());
    post.put("text", "Яма на улице Ленина");
    post.put("author", Map.of("name", "Пётр Васильев", "profileUrl", "https://vk.com/id100500"));
    post.put("territory", "berdsk");
    post.put("category", "roads.potholes");
    String social = api.register(post);

    assertThat(errors(get("/open311/v2/requests/{id}.json", social))).containsExactly("404: No service request " + social);
    assertThat(ids(get("/open311/v2/requests.json"))).doesNotContain(social);
    assertThat(ids(get("/open311/v2/requests.json?service_request_id={id}", social))).isEmpty();
  }

  @Test
  void aRejectedReportIsClosedWithoutItsText() throws Exception {
    String id = idOf(post("json", form("service_code", "roads.potholes", "lat", BERDSK_LAT, "long", BERDSK_LONG,
        "description", "Оскорбления " + UUID.randomUUID(), "media_url", "https://example.ru/insult.jpg")));
    api.complete("moderator", id, "moderate-appeal", Map.of("moderation", "ABUSIVE"));

    assertThat(request(id)).containsEntry("status", "closed").containsEntry("description", null)
        .containsEntry("media_url", null)
        .containsEntry("status_notes", "Оставлено без ответа: сообщение содержит оскорбительные выражения (ст. 11 59-ФЗ)");
  }

  @Test
  void discoveryNamesTheEndpointAndItsFormats() throws Exception {
    JsonNode discovery = json.readTree(get("/open311/v2/discovery.json").getBody());

    JsonNode endpoint = discovery.get("endpoints").get(0);
    assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
    assertThat(endpoint.get("url").asText()).endsWith("/open311/v2");
    assertThat(endpoint.get("formats")).containsExactly(json.readTree("\"text/xml\""), json.readTree("\"application/json\""));
    assertThat(xpath(get("/open311/v2/discovery.xml").getBody(), "count(/discovery/endpoints/endpoint/formats/format)"))
        .isEqualTo("2");
  }

  // --- helpers ---

  /** The spec's example POST, with the region's service, place and people. */
  private static MultiValueMap<String, String> specsExampleRequest() {
    return form(
        "jurisdiction_id", "nso.example.ru",
        "service_code", "roads.potholes",
        "lat", BERDSK_LAT,
        "long", BERDSK_LONG,
        "address_string", "Бердск, ул. Ленина, 12",
        "email", "smirnov@example.ru",
        "device_id", "tt222111",
        "account_id", "123456",
        "first_name", "Иван",
        "last_name", "Смирнов",
        "phone", "+7 913 111-11-11",
        "description", "Большая яма разрушает дорогу",
        "media_url", "https://example.ru/photos/2212426634.jpg",
        "attribute[territory]", "berdsk");
  }

  private static MultiValueMap<String, String> form(String... namesAndValues) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("api_key", KEY);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return form;
  }

  private static HttpEntity<MultiValueMap<String, String>> formEntity(MultiValueMap<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return new HttpEntity<>(form, headers);
  }

  private ResponseEntity<String> post(String format, MultiValueMap<String, String> form) {
    return rest.postForEntity("/open311/v2/requests." + format, formEntity(form), String.class);
  }

  /** GET with the demo client's key added to the query. */
  private ResponseEntity<String> get(String path, Object... variables) {
    return rest.exchange(path + (path.contains("?") ? "&" : "?") + "api_key=" + KEY, HttpMethod.GET, null,
        String.class, variables);
  }

  /** GET of a path already encoded, sent as it is. */
  private ResponseEntity<String> getUri(String encoded) {
    return rest.exchange(RequestEntity.get(URI.create(encoded)).build(), String.class);
  }

  private String idOf(ResponseEntity<String> created) throws Exception {
    assertThat(created.getStatusCode().is2xxSuccessful()).as("%s", created.getBody()).isTrue();
    return json.readTree(created.getBody()).get(0).get("service_request_id").asText();
  }

  /** One request's fields as JSON gives them, nulls included. */
  private Map<String, String> request(String id) throws Exception {
    ResponseEntity<String> response = get("/open311/v2/requests/{id}.json", id);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    Map<String, String> fields = new LinkedHashMap<>();
    json.readTree(response.getBody()).get(0).fields().forEachRemaining(field ->
        fields.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText()));
    return fields;
  }

  private List<String> ids(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(response.getBody()).forEach(request -> ids.add(request.get("service_request_id").asText()));
    return ids;
  }

  /** The errors of a JSON answer as "code: description". */
  private List<String> errors(ResponseEntity<String> response) throws Exception {
    assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/json;charset=UTF-8");
    List<String> errors = new ArrayList<>();
    for (JsonNode error : json.readTree(response.getBody())) {
      assertThat(error.get("code").asInt()).isEqualTo(response.getStatusCode().value());
      errors.add(error.get("code").asInt() + ": " + error.get("description").asText());
    }
    return errors;
  }

  private long appealCount() {
    return jdbc.sql("select count(*) from appeal").query(Long.class).single();
  }

  private static Map<String, Object> author(String name, String email, String phone) {
    Map<String, Object> author = new LinkedHashMap<>();
    author.put("name", name);
    author.put("email", email);
    author.put("phone", phone);
    author.put("postalAddress", null);
    author.put("profileUrl", null);
    return author;
  }

  private static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode item : list) {
      if (value.equals(item.path(field).asText())) {
        return item;
      }
    }
    throw new AssertionError("no item with " + field + " = " + value + " in " + list);
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Document xml(String text) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String xpath(String text, String expression) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(expression, xml(text));
  }

  private static NodeList nodes(String text, String expression) throws Exception {
    return (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, xml(text), XPathConstants.NODESET);
  }
}
