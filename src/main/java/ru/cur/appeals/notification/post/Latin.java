package ru.cur.appeals.notification.post;

import java.util.Locale;

/**
 * Russian in Latin letters (ГОСТ 7.79, system B, without diacritics), for the few places that take ASCII only:
 * «ЦУР-2026-000001» is «CUR-2026-000001», «Жёлтый» «Zhyoltyj». Anything else outside letters, digits, dot and hyphen becomes «_».
 */
final class Latin {

  private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
  private static final String[] LATIN = {"a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "j", "k", "l", "m", "n",
      "o", "p", "r", "s", "t", "u", "f", "x", "c", "ch", "sh", "shh", "", "y", "", "e", "yu", "ya"};

  private Latin() {}

  static String of(String text) {
    StringBuilder latin = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int letter = CYRILLIC.indexOf(Character.toLowerCase(c));
      if (letter >= 0) {
        String spelled = LATIN[letter];
        boolean word = i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1));
        latin.append(!Character.isUpperCase(c) || spelled.isEmpty() ? spelled
            : word ? Character.toUpperCase(spelled.charAt(0)) + spelled.substring(1) : spelled.toUpperCase(Locale.ROOT));
      } else if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
        latin.append(c);
      } else {
        latin.append('_');
      }
    }
    return latin.toString();
  }
}
