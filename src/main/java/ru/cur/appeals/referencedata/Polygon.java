package ru.cur.appeals.referencedata;

import java.util.List;

/**
 * A territory's outline: one ring of vertices in degrees, without holes. The region's outlines are rough
 * and a few dozen kilometres across, so the plane of latitude and longitude is exact enough to tell
 * inside from outside; nothing here measures distances.
 */
final class Polygon {

  private final double[] lats;
  private final double[] lons;

  /** Vertices as GeoJSON writes them, {@code [longitude, latitude]}; the ring may repeat its first vertex at the end. */
  Polygon(List<double[]> ring) {
    int size = ring.size();
    if (size > 1 && same(ring.get(0), ring.get(size - 1))) {
      size--;
    }
    if (size < 3) {
      throw new IllegalArgumentException("A polygon needs at least three distinct vertices, got " + size);
    }
    lats = new double[size];
    lons = new double[size];
    for (int i = 0; i < size; i++) {
      lons[i] = ring.get(i)[0];
      lats[i] = ring.get(i)[1];
    }
  }

  /**
   * Whether the point lies inside, by the even-odd rule: a ray from the point eastwards crosses the
   * outline an odd number of times. Works for concave outlines too.
   */
  boolean contains(double lat, double lon) {
    boolean inside = false;
    for (int i = 0, j = lats.length - 1; i < lats.length; j = i++) {
      boolean straddles = (lats[i] > lat) != (lats[j] > lat);
      if (straddles && lon < (lons[j] - lons[i]) * (lat - lats[i]) / (lats[j] - lats[i]) + lons[i]) {
        inside = !inside;
      }
    }
    return inside;
  }

  /** Area in square degrees (shoelace formula): only to compare outlines, the smaller one being the more specific. */
  double area() {
    double twice = 0;
    for (int i = 0, j = lats.length - 1; i < lats.length; j = i++) {
      twice += lons[j] * lats[i] - lons[i] * lats[j];
    }
    return Math.abs(twice) / 2;
  }

  private static boolean same(double[] a, double[] b) {
    return a[0] == b[0] && a[1] == b[1];
  }
}
