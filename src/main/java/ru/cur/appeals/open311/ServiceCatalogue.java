package ru.cur.appeals.open311;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import ru.cur.appeals.referencedata.Category;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.referencedata.Territory;

/**
 * The region's category catalogue as Open311 services: every subcategory is a service whose {@code service_code}
 * is the category's code, and its parent category is the service's {@code group}. The top categories are only
 * groups: appeals are routed by subcategory.
 *
 * <p>Every service has one attribute, {@code territory}, the territory the problem is in. The spec's attributes
 * are either required or not; this one is needed only when the request gives no coordinates and its address
 * names no territory, which its {@code datatype_description} says.
 */
@Component
class ServiceCatalogue {

  static final String TERRITORY = "territory";

  private final ReferenceData referenceData;

  ServiceCatalogue(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  List<Category> services() {
    return referenceData.leafCategories();
  }

  Optional<Category> service(String code) {
    return referenceData.category(code).filter(Category::isLeaf);
  }

  String group(Category service) {
    return referenceData.categoryName(service.parent());
  }

  /** The fields of {@code GET services}, in the spec's order. */
  Map<String, Object> summary(Category service) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("service_code", service.code());
    fields.put("service_name", service.name());
    fields.put("description", group(service) + " — " + service.name());
    fields.put("metadata", !attributes().isEmpty());
    // The service_request_id is known as soon as the request is stored.
    fields.put("type", "realtime");
    fields.put("keywords", keywords(service));
    fields.put("group", group(service));
    return fields;
  }

  /** {@code GET services/{service_code}}: the service's attributes with their allowed values. */
  Map<String, Object> definition(Category service) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("service_code", service.code());
    fields.put("attributes", new Open311Document.Elements("attribute", attributes()));
    return fields;
  }

  private List<Map<String, Object>> attributes() {
    Map<String, Object> territory = new LinkedHashMap<>();
    territory.put("variable", true);
    territory.put("code", TERRITORY);
    territory.put("datatype", "singlevaluelist");
    territory.put("required", false);
    territory.put("datatype_description", "Обязателен, если не переданы lat и long, а address_string "
        + "не называет город или район");
    territory.put("order", 1);
    territory.put("description", "Город или район, где находится проблема");
    territory.put("values", new Open311Document.Elements("value", referenceData.territories().stream()
        .map(ServiceCatalogue::value).toList()));
    return List.of(territory);
  }

  private static Map<String, Object> value(Territory territory) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("key", territory.code());
    value.put("name", territory.name());
    return value;
  }

  /** The words of the service's and its group's names that say something (no prepositions). */
  private String keywords(Category service) {
    return Stream.of(service.name(), group(service))
        .flatMap(name -> Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")))
        .filter(word -> word.length() >= 3)
        .distinct()
        .collect(Collectors.joining(", "));
  }
}
