package ru.cur.appeals.security;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Finds a script in a deployment resource. The application's models need none: BPMN uses JUEL
 * expressions and DMN uses FEEL, so a script in a deployed model (a script task, a script listener, a
 * JavaScript condition, a Groovy decision column) can only be a way to run arbitrary code on the server.
 * The check reads what the engine would execute, not how a model looks: every element named
 * {@code script} or {@code scriptTask}, every attribute that chooses a language, every reference to a
 * script resource, whatever the namespace.
 */
final class ScriptDetector {

  /** Names the engine parses as models: {@code .bpmn}, {@code .dmn}, {@code .cmmn} and their {@code .xml} forms. */
  private static final Set<String> MODEL_EXTENSIONS = Set.of("bpmn", "dmn", "cmmn", "xml");

  private static final Set<String> SCRIPT_EXTENSIONS = Set.of(
      "js", "mjs", "cjs", "ts", "groovy", "gvy", "py", "rb", "kts", "bsh", "sh", "lua", "php");

  private static final Set<String> SCRIPT_ELEMENTS = Set.of("script", "scriptTask");

  /** Attributes that choose how a text is evaluated (BPMN {@code language}, DMN {@code expressionLanguage}…). */
  private static final Set<String> LANGUAGE_ATTRIBUTES = Set.of(
      "language", "scriptFormat", "expressionLanguage", "typeLanguage");

  /**
   * FEEL and JUEL as the DMN engine names them ({@code DefaultDmnEngineConfiguration}); any other value
   * makes the engine look for a script engine of that name.
   */
  private static final Set<String> EXPRESSION_LANGUAGES = Set.of(
      "feel", "juel",
      "http://www.omg.org/spec/feel/20140401",
      "http://www.omg.org/spec/dmn/20180521/feel/",
      "https://www.omg.org/spec/dmn/20191111/feel/",
      "https://www.omg.org/spec/dmn/20211108/feel/",
      "https://www.omg.org/spec/dmn/20230324/feel/");

  /** {@code camunda:resource} points a script task, script or condition at a script file. */
  private static final String SCRIPT_REFERENCE = "resource";

  private ScriptDetector() {}

  /** Why the resource is refused ("it carries a script: …"), or empty when it carries no script. */
  static Optional<String> reasonToRefuse(String resourceName, byte[] content) {
    String extension = extensionOf(resourceName);
    if (SCRIPT_EXTENSIONS.contains(extension)) {
      return Optional.of("it has the file name of a script");
    }
    if (!MODEL_EXTENSIONS.contains(extension)) {
      return Optional.empty();
    }
    try {
      return scriptInXml(content);
    } catch (XMLStreamException unreadable) {
      return Optional.of("it cannot be read as XML (" + unreadable.getMessage() + ")");
    }
  }

  private static Optional<String> scriptInXml(byte[] content) throws XMLStreamException {
    XMLStreamReader xml = safeFactory().createXMLStreamReader(new ByteArrayInputStream(content));
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
          // Models never need a DTD; refusing it keeps entity tricks (XXE) out of the check and the engine.
          return Optional.of("it declares a DTD, which models never need");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          Optional<String> script = scriptInElement(xml);
          if (script.isPresent()) {
            return script;
          }
        }
      }
      return Optional.empty();
    } finally {
      xml.close();
    }
  }

  private static Optional<String> scriptInElement(XMLStreamReader xml) {
    String element = xml.getLocalName();
    if (SCRIPT_ELEMENTS.contains(element)) {
      return Optional.of("it carries a script: element <" + element + ">");
    }
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      String attribute = xml.getAttributeLocalName(i);
      String value = xml.getAttributeValue(i);
      if (SCRIPT_REFERENCE.equals(attribute)) {
        return Optional.of("it refers to a script: " + attribute + "=\"" + value + "\" on <" + element + ">");
      }
      if (LANGUAGE_ATTRIBUTES.contains(attribute)
          && !EXPRESSION_LANGUAGES.contains(value.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of("it carries a script: " + attribute + "=\"" + value + "\" on <" + element + ">");
      }
    }
    return Optional.empty();
  }

  /** The JDK's own StAX parser with DTDs and external entities off. */
  private static XMLInputFactory safeFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return factory;
  }

  private static String extensionOf(String resourceName) {
    int dot = resourceName.lastIndexOf('.');
    return dot < 0 ? "" : resourceName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
