package ru.cur.appeals.referencedata;

/** A category of the two-level catalogue; appeals are routed by leaf categories only. */
public record Category(String code, String name, String parent) {

  public boolean isLeaf() {
    return parent != null;
  }
}
