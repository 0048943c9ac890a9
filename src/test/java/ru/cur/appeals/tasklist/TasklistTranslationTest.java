package ru.cur.appeals.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Russian labels of Tasklist and the welcome page against the English ones of the Camunda webjar on the
 * classpath. Camunda offers clerks Russian only (scripts/config.js), so Russian is also the fallback: a label
 * missing from ru.json would show its key. A Camunda upgrade that adds labels fails here until they are
 * translated.
 */
class TasklistTranslationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  // Tags and entities; "<null>" and "<undefined>" are text the webapp shows for such values.
  private static final Pattern MARKUP = Pattern.compile("<(?!null>|undefined>|не задано>)[^>]+>|&[a-z]+;");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void russianHasExactlyTheLabelsOfTheShippedEnglish(String app) throws IOException {
    JsonNode en = locale(app, "en");
    JsonNode ru = locale(app, "ru");

    assertThat(names(ru)).isEqualTo(names(en));
    assertThat(names(ru.get("labels"))).isEqualTo(names(en.get("labels")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void everyLabelKeepsItsPlaceholdersAndMarkup(String app) throws IOException {
    JsonNode en = locale(app, "en").get("labels");
    JsonNode ru = locale(app, "ru").get("labels");

    en.fieldNames().forEachRemaining(key -> {
      String english = en.get(key).asText();
      String russian = ru.path(key).asText();
      assertThat(all(PLACEHOLDER, russian)).as(key).containsExactlyInAnyOrderElementsOf(all(PLACEHOLDER, english));
      assertThat(all(MARKUP, russian)).as(key).containsExactlyElementsOf(all(MARKUP, english));
      assertThat(russian.isEmpty()).as(key).isEqualTo(english.isEmpty());
    });
  }

  @Test
  void clerksWordsForTheirActions() throws IOException {
    JsonNode ru = locale("tasklist", "ru").get("labels");

    assertThat(ru.get("CLAIM_TASK").asText()).isEqualTo("Взять в работу");
    assertThat(ru.get("UNCLAIM_TASK").asText()).isEqualTo("Вернуть в группу");
    assertThat(ru.get("COMPLETE").asText()).isEqualTo("Завершить");
    assertThat(ru.get("SAVE").asText()).isEqualTo("Сохранить");
    assertThat(ru.get("FOLLOW_UP_DATE").asText()).isEqualTo("Дата напоминания");
    assertThat(ru.get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("Войти");
  }

  /**
   * Dates come from moment.js's own Russian locale, whose month names decline («24 ноября») and whose
   * relative times agree with their number («через 3 дня», «5 минут назад»), which the plain strings of the
   * shipped English format cannot express: ru.json names it as parent and overrides only date formats.
   */
  @Test
  void datesAreMomentsRussianWithTheShippedFormatsOnly() throws IOException {
    JsonNode en = locale("tasklist", "en").get("dateLocales");
    JsonNode ru = locale("tasklist", "ru").get("dateLocales");

    assertThat(ru.get("parentLocale").asText()).isEqualTo("ru");
    Set<String> overridden = names(ru);
    overridden.remove("parentLocale");
    assertThat(names(en)).containsAll(overridden);
    assertThat(ru.at("/longDateFormat/LLL").asText()).isEqualTo("D MMMM YYYY г., HH:mm");
  }

  private static JsonNode locale(String app, String language) throws IOException {
    String path = "/META-INF/resources/webjars/camunda/app/" + app + "/locales/" + language + ".json";
    try (InputStream stream = TasklistTranslationTest.class.getResourceAsStream(path)) {
      assertThat(stream).as(path).isNotNull();
      return JSON.readTree(stream);
    }
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
