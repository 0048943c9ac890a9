package ru.cur.appeals.bench;

import java.util.Arrays;
import java.util.Collection;

/** Median and 95th percentile of measured times, in milliseconds. */
record Latencies(int samples, double p50, double p95, double max) {

  static Latencies of(Collection<Double> millis) {
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return new Latencies(0, 0, 0, 0);
    }
    return new Latencies(sorted.length, sorted[(sorted.length - 1) / 2],
        sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1]);
  }

  static Latencies of(double[] millis) {
    return of(Arrays.stream(millis).boxed().toList());
  }
}
