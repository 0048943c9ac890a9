package ru.cur.appeals.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ServiceRequestFormTest {

  private static MultiValueMap<String, String> parameters(String... namesAndValues) {
    MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      parameters.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return parameters;
  }

  @Test
  void attributesAreReadByTheirCodeAndBlankParametersAreAbsent() {
    ServiceRequestForm form = ServiceRequestForm.of(parameters(
        "service_code", "roads.potholes", "attribute[territory]", "berdsk", "attribute[depth]", " ",
        "description", "  Яма  ", "email", "", "first_name", "Пётр", "last_name", "Васильев"));

    assertThat(form.serviceCode()).isEqualTo("roads.potholes");
    assertThat(form.attributes()).containsExactly(Map.entry("territory", "berdsk"));
    assertThat(form.description()).isEqualTo("Яма");
    assertThat(form.email()).isNull();
    assertThat(form.name()).isEqualTo("Пётр Васильев");
  }

  @Test
  void theRequestsFingerprintIsTheClientAndEveryParameter() {
    ServiceRequestForm pothole = ServiceRequestForm.of(parameters(
        "service_code", "roads.potholes", "lat", "54.7583", "long", "83.1073", "description", "Яма"));
    String fingerprint = ServiceRequestIntake.fingerprint("demo-client", pothole);

    assertThat(ServiceRequestIntake.fingerprint("demo-client", ServiceRequestForm.of(parameters(
        "long", "83.1073", "description", "Яма", "lat", "54.7583", "service_code", "roads.potholes"))))
        .as("the same request, parameters in another order").isEqualTo(fingerprint);
    assertThat(ServiceRequestIntake.fingerprint("city-portal", pothole)).as("another client").isNotEqualTo(fingerprint);
    assertThat(ServiceRequestIntake.fingerprint("demo-client", ServiceRequestForm.of(parameters(
        "service_code", "roads.potholes", "lat", "54.7583", "long", "83.1073", "address_string", "Яма"))))
        .as("the same words in another parameter").isNotEqualTo(fingerprint);
    assertThat(fingerprint).hasSize(64);
  }
}
