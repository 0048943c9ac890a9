package ru.cur.appeals.audit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import ru.cur.appeals.appeal.Appeal;

/**
 * The resident's personal data in an appeal (name, e-mail, phone, postal address, profile, the problem's address)
 * and its masking for readers of the audit record who do not need it. Masking is by value: wherever a form, a
 * variable or a notice repeated the resident's name or address, it is hidden there too.
 */
final class PersonalData {

  static final String MASK = "***";
  /** Shorter values (initials) would hide ordinary words of the record. */
  private static final int SHORTEST_MASKED = 3;

  private final List<String> values;

  private PersonalData(List<String> values) {
    this.values = values;
  }

  static PersonalData of(Appeal appeal) {
    Appeal.Author author = appeal.author();
    Stream<String> ofAuthor = author == null ? Stream.empty()
        : Stream.of(author.name(), author.email(), author.phone(), author.postalAddress(), author.profileUrl());
    return new PersonalData(Stream.concat(ofAuthor, Stream.of(appeal.address()))
        .filter(Objects::nonNull).map(String::strip).filter(value -> value.length() >= SHORTEST_MASKED)
        // The longest first: a name inside an address is hidden as part of the address.
        .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList());
  }

  /** Nothing to hide: the reader may see everything. */
  static PersonalData none() {
    return new PersonalData(List.of());
  }

  String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String value : values) {
      masked = masked.replace(value, MASK);
    }
    return masked;
  }

  Map<String, String> mask(Map<String, String> details) {
    Map<String, String> masked = new LinkedHashMap<>();
    details.forEach((name, value) -> masked.put(name, mask(value)));
    return masked;
  }

  /** The value itself shown only unmasked: a masked reader learns that the field is filled, not what it says. */
  static String field(String value, boolean masked) {
    return value == null || !masked ? value : MASK;
  }
}
