package ru.cur.appeals.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** One answer, two formats: what GeoReport v2 writes as JSON and as XML. */
class Open311WriterTest {

  private final Open311Writer writer = new Open311Writer(new ObjectMapper());

  private static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  @Test
  void errorsAreAnArrayOfCodeAndDescriptionOrErrorElements() {
    Open311Document errors = Open311Errors.document(HttpStatus.FORBIDDEN, List.of("Invalid api_key"));

    assertThat(writer.text(Open311Format.JSON, errors)).isEqualTo("[{\"code\":403,\"description\":\"Invalid api_key\"}]");
    assertThat(writer.text(Open311Format.XML, errors)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<errors><error><code>403</code><description>Invalid api_key</description></error></errors>");
  }

  @Test
  void aListIsAJsonArrayAndInXmlOneElementPerItemUnderTheRoot() {
    Open311Document services = Open311Document.list("services", "service", List.of(
        fields("service_code", "roads.potholes", "metadata", true),
        fields("service_code", "roads.snow", "metadata", false)));

    assertThat(writer.text(Open311Format.JSON, services)).isEqualTo(
        "[{\"service_code\":\"roads.potholes\",\"metadata\":true},{\"service_code\":\"roads.snow\",\"metadata\":false}]");
    assertThat(writer.text(Open311Format.XML, services)).endsWith("<services>"
        + "<service><service_code>roads.potholes</service_code><metadata>true</metadata></service>"
        + "<service><service_code>roads.snow</service_code><metadata>false</metadata></service></services>");
  }

  @Test
  void anEmptyListIsAnEmptyArrayAndAnEmptyRoot() {
    Open311Document none = Open311Document.list("service_requests", "request", List.of());

    assertThat(writer.text(Open311Format.JSON, none)).isEqualTo("[]");
    assertThat(writer.text(Open311Format.XML, none)).endsWith("<service_requests></service_requests>");
  }

  @Test
  void aMissingValueIsJsonNullAndAnEmptyXmlElement() {
    Open311Document receipt = Open311Document.list("service_requests", "request", List.of(
        fields("service_request_id", "ЦУР-2026-000001", "account_id", null)));

    assertThat(writer.text(Open311Format.JSON, receipt))
        .isEqualTo("[{\"service_request_id\":\"ЦУР-2026-000001\",\"account_id\":null}]");
    assertThat(writer.text(Open311Format.XML, receipt)).endsWith(
        "<service_requests><request><service_request_id>ЦУР-2026-000001</service_request_id><account_id/></request>"
            + "</service_requests>");
  }

  @Test
  void aServiceDefinitionNestsAttributesAndTheirValues() {
    Open311Document definition = new Open311Document("service_definition", fields(
        "service_code", "roads.potholes",
        "attributes", new Open311Document.Elements("attribute", List.of(fields(
            "code", "territory", "order", 1,
            "values", new Open311Document.Elements("value", List.of(fields("key", "berdsk", "name", "город Бердск"))))))));

    assertThat(writer.text(Open311Format.JSON, definition)).isEqualTo("{\"service_code\":\"roads.potholes\","
        + "\"attributes\":[{\"code\":\"territory\",\"order\":1,\"values\":[{\"key\":\"berdsk\",\"name\":\"город Бердск\"}]}]}");
    assertThat(writer.text(Open311Format.XML, definition)).endsWith("<service_definition>"
        + "<service_code>roads.potholes</service_code><attributes><attribute><code>territory</code><order>1</order>"
        + "<values><value><key>berdsk</key><name>город Бердск</name></value></values></attribute></attributes>"
        + "</service_definition>");
  }

  @Test
  void xmlEscapesMarkupAndLeavesOutWhatXmlCannotHold() {
    Open311Document request = Open311Document.list("service_requests", "request", List.of(
        fields("description", "Яма <10 см> & лужа\u0007\nвторая строка", "lat", 54.7583)));

    assertThat(writer.text(Open311Format.XML, request)).endsWith("<service_requests><request>"
        + "<description>Яма &lt;10 см&gt; &amp; лужа\nвторая строка</description><lat>54.7583</lat>"
        + "</request></service_requests>");
    assertThat(writer.text(Open311Format.JSON, request))
        .isEqualTo("[{\"description\":\"Яма <10 см> & лужа\\u0007\\nвторая строка\",\"lat\":54.7583}]");
  }

  @Test
  void theFormatsDeclareUtf8() {
    assertThat(Open311Format.JSON.contentType().toString()).isEqualTo("application/json;charset=UTF-8");
    assertThat(Open311Format.XML.contentType().toString()).isEqualTo("text/xml;charset=UTF-8");
  }
}
