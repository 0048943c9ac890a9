package ru.cur.appeals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.IntStream;

/**
 * Generated hostile input for the APIs, reproducible from a seed: random and broken JSON, texts with control
 * characters, injection strings and every kind of Unicode, deep nesting, bytes that are not UTF-8. Each value is
 * what a careless or malicious client could send; none may get a 500 or a stack trace.
 */
final class HostileInput {

  /** Strings that attack a store or a page that treats text as code; valid texts all the same. */
  static final List<String> INJECTIONS = List.of(
      "'; drop table appeal; --",
      "\" or 1=1 --",
      "1' union select password_ from act_id_user --",
      "<script>alert('xss')</script>",
      "<img src=x onerror=alert(1)>",
      "javascript:alert(document.cookie)",
      "${7*7} #{7*7} {{7*7}} <%= 7*7 %>",
      "${currentUser()} ${execution.getProcessEngineServices()}",
      "\\u0000\\\\ \\\" \\n",
      "%00%0d%0a Set-Cookie: x=y",
      "../../../../etc/passwd",
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
      "Robert'); DELETE FROM act_ru_task; --",
      "]]><![CDATA[<script>1</script>",
      "*bold* _it_ [link](javascript:alert(1)) ![img](x onerror=alert(1))");

  private static final String CONTROL = IntStream.range(0, 32).filter(c -> c != '\t' && c != '\n' && c != '\r')
      .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString() + "\u007f";
  private static final String[] UNICODE = {"яма", "ё", "\u202e", "\u200b", "\ufeff", "😀", "𝕏", "\ud7ff", "ﷺ",
      "\u0301", "ΩΣ", "中文", "\u00a0", "\u2028"};

  /** What a broken JSON document is made of. */
  private static final String BREAKING = "{}[]\",:\\0-eE.tfn ";

  private final Random random;

  HostileInput(long seed) {
    this.random = new Random(seed);
  }

  /** Any of the kinds below, at random. */
  byte[] body(String validJson) {
    return switch (random.nextInt(6)) {
      case 0 -> utf8(randomText(random.nextInt(200)));
      case 1 -> utf8(mutated(validJson));
      case 2 -> utf8(withTypesSwapped(validJson));
      case 3 -> utf8(nested(1 + random.nextInt(5_000)));
      case 4 -> invalidUtf8(validJson);
      default -> utf8(validJson.replace("\"TEXT\"", quoted(randomText(1 + random.nextInt(300)))));
    };
  }

  /** A text a resident could write, spiced with control characters, injections and rare Unicode. */
  String randomText(int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      switch (random.nextInt(5)) {
        case 0 -> text.append(CONTROL.charAt(random.nextInt(CONTROL.length())));
        case 1 -> text.append(INJECTIONS.get(random.nextInt(INJECTIONS.size())));
        case 2 -> text.append(UNICODE[random.nextInt(UNICODE.length)]);
        case 3 -> text.appendCodePoint(random.nextInt(0x10FFFF + 1));
        default -> text.append("обращение ").append(random.nextInt(1000));
      }
    }
    return text.toString();
  }

  /** The JSON with a few characters deleted, doubled or replaced. */
  private String mutated(String json) {
    StringBuilder broken = new StringBuilder(json);
    for (int i = 1 + random.nextInt(4); i > 0 && broken.length() > 0; i--) {
      int at = random.nextInt(broken.length());
      switch (random.nextInt(3)) {
        case 0 -> broken.deleteCharAt(at);
        case 1 -> broken.insert(at, broken.charAt(at));
        default -> broken.setCharAt(at, BREAKING.charAt(random.nextInt(BREAKING.length())));
      }
    }
    return broken.toString();
  }

  /** Values where another type is expected: numbers for strings, objects for numbers, huge numbers. */
  private String withTypesSwapped(String json) {
    String[] values = {"1e999999", "-0", "[]", "{}", "null", "true", "12345678901234567890123456789",
        "\"" + "9".repeat(400) + "\"", "{\"$ne\":null}", "[[[[[]]]]]"};
    return json.replaceFirst("(\"[a-zA-Z]+\"\\s*:\\s*)(\"[^\"]*\"|-?[0-9.]+)", "$1" + Matcher.quoteReplacement(values[random.nextInt(values.length)]));
  }

  private static String nested(int depth) {
    return "{\"channel\":\"SOCIAL\",\"text\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
  }

  /** Bytes that no UTF-8 decoder accepts, inside the text of an otherwise valid appeal. */
  private byte[] invalidUtf8(String json) {
    byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
    String[] halves = json.split("\"TEXT\"", 2);
    List<Byte> bytes = new ArrayList<>();
    for (byte b : (halves[0] + "\"яма ").getBytes(StandardCharsets.UTF_8)) {
      bytes.add(b);
    }
    for (byte b : bad[random.nextInt(bad.length)]) {
      bytes.add(b);
    }
    for (byte b : (" у дома\"" + halves[1]).getBytes(StandardCharsets.UTF_8)) {
      bytes.add(b);
    }
    byte[] body = new byte[bytes.size()];
    for (int i = 0; i < body.length; i++) {
      body[i] = bytes.get(i);
    }
    return body;
  }

  /** A JSON string literal of {@code text}, escaped as JSON requires (control characters as {@code \\u}). */
  static String quoted(String text) {
    StringBuilder json = new StringBuilder("\"");
    text.chars().forEach(c -> {
      if (c == '"' || c == '\\') {
        json.append('\\').append((char) c);
      } else if (c < 0x20) {
        json.append("\\u%04x".formatted(c));
      } else {
        json.append((char) c);
      }
    });
    return json.append('"').toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
