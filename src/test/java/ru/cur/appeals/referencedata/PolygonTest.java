package ru.cur.appeals.referencedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolygonTest {

  /** Vertices as {@code lat, lon} pairs, written into GeoJSON's {@code [lon, lat]} order. */
  private static Polygon polygon(double... latLon) {
    List<double[]> ring = new ArrayList<>();
    for (int i = 0; i < latLon.length; i += 2) {
      ring.add(new double[] {latLon[i + 1], latLon[i]});
    }
    return new Polygon(ring);
  }

  @Test
  void pointInsideASquareIsInsideAndPointsAroundItAreNot() {
    Polygon square = polygon(0, 0, 0, 1, 1, 1, 1, 0);

    assertThat(square.contains(0.5, 0.5)).isTrue();
    assertThat(square.contains(1.5, 0.5)).isFalse();
    assertThat(square.contains(0.5, -0.1)).isFalse();
    assertThat(square.contains(-0.5, -0.5)).isFalse();
  }

  @Test
  void theNotchOfAConcaveOutlineIsOutside() {
    // A «П» shape: two legs joined at the top; the notch between the legs is outside.
    Polygon shape = polygon(0, 0, 3, 0, 3, 3, 0, 3, 0, 2, 2, 2, 2, 1, 0, 1);

    assertThat(shape.contains(2.5, 1.5)).as("the top bar").isTrue();
    assertThat(shape.contains(1, 0.5)).as("the left leg").isTrue();
    assertThat(shape.contains(1, 2.5)).as("the right leg").isTrue();
    assertThat(shape.contains(1, 1.5)).as("the notch").isFalse();
  }

  @Test
  void aPointLevelWithAVertexIsCountedOnce() {
    Polygon diamond = polygon(0, 1, 1, 2, 2, 1, 1, 0);

    assertThat(diamond.contains(1, 1)).isTrue();
    assertThat(diamond.contains(1, 2.5)).isFalse();
    assertThat(diamond.contains(1, -0.5)).isFalse();
  }

  @Test
  void aClosedRingIsTheSameOutlineAsAnOpenOne() {
    Polygon open = polygon(0, 0, 0, 2, 2, 2, 2, 0);
    Polygon closed = polygon(0, 0, 0, 2, 2, 2, 2, 0, 0, 0);

    assertThat(closed.area()).isEqualTo(open.area()).isEqualTo(4.0);
    assertThat(closed.contains(1, 1)).isEqualTo(open.contains(1, 1)).isTrue();
  }

  @Test
  void anOutlineNeedsThreeVertices() {
    assertThatThrownBy(() -> polygon(0, 0, 1, 1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("three");
  }
}
