package ru.cur.appeals.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import ru.cur.appeals.open311.Open311Document.Elements;

/** Writes an {@link Open311Document} in the format the path asked for, UTF-8 as the spec requires. */
@Component
class Open311Writer {

  private final ObjectMapper json;

  Open311Writer(ObjectMapper json) {
    this.json = json;
  }

  ResponseEntity<String> response(HttpStatusCode status, Open311Format format, Open311Document document) {
    return ResponseEntity.status(status).contentType(format.contentType()).body(text(format, document));
  }

  /** For answers given before Spring MVC is reached (a refused {@code api_key}). */
  void write(HttpServletResponse response, HttpStatusCode status, Open311Format format, Open311Document document)
      throws IOException {
    response.setStatus(status.value());
    response.setHeader(HttpHeaders.CONTENT_TYPE, format.contentType().toString());
    response.getOutputStream().write(text(format, document).getBytes(StandardCharsets.UTF_8));
  }

  String text(Open311Format format, Open311Document document) {
    return format == Open311Format.XML ? xml(document) : json(document);
  }

  private String json(Open311Document document) {
    try {
      return json.writeValueAsString(document.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An Open311 answer is plain maps and lists and always writes as JSON", e);
    }
  }

  private String xml(Open311Document document) {
    StringWriter text = new StringWriter();
    try {
      // A factory per answer: the JDK's is not promised to be safe across threads.
      XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      writer.writeStartDocument("UTF-8", "1.0");
      element(writer, document.root(), document.body());
      writer.writeEndDocument();
      writer.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write an Open311 answer as XML", e);
    }
    return text.toString();
  }

  private static void element(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
    if (value == null) {
      writer.writeEmptyElement(name);
      return;
    }
    writer.writeStartElement(name);
    if (value instanceof Elements list) {
      for (Object item : list.items()) {
        element(writer, list.item(), item);
      }
    } else if (value instanceof Map<?, ?> fields) {
      for (Map.Entry<?, ?> field : fields.entrySet()) {
        element(writer, String.valueOf(field.getKey()), field.getValue());
      }
    } else {
      writer.writeCharacters(xmlCharacters(String.valueOf(value)));
    }
    writer.writeEndElement();
  }

  /** A resident's text may carry control characters that XML 1.0 cannot hold at all; they are left out. */
  static String xmlCharacters(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
            || c >= 0x10000 && c <= 0x10FFFF)
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }
}
