package ru.cur.appeals.referencedata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Loads the region's data files (territories, categories, organisations) into the application's
 * tables right after Flyway migrates them, so that everything started later sees them. The files are
 * the source of truth: loading is an upsert and may run on every start.
 */
@Component
public class RegionDataLoader implements Callback {

  private static final String REGION_WIDE = "*";

  private final ResourceLoader resources;
  private final String location;

  public RegionDataLoader(ResourceLoader resources, @Value("${appeals.reference-data}") String location) {
    this.resources = resources;
    this.location = location.endsWith("/") ? location : location + "/";
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
    loadTerritories(jdbc);
    loadCategories(jdbc);
    loadOrganizations(jdbc);
  }

  @Override
  public String getCallbackName() {
    return "region-data";
  }

  private void loadTerritories(JdbcTemplate jdbc) {
    for (String[] row : rows("territories.csv")) {
      upsert(jdbc,
          "update territory set name = ?, kind = ?, lat = ?, lon = ? where code = ?",
          "insert into territory (name, kind, lat, lon, code) values (?, ?, ?, ?, ?)",
          row[1], row[2], decimal(row[3]), decimal(row[4]), row[0]);
    }
  }

  private void loadCategories(JdbcTemplate jdbc) {
    List<String[]> rows = rows("categories.csv");
    for (String[] row : rows) {
      upsert(jdbc,
          "update category set name = ? where code = ?",
          "insert into category (name, code) values (?, ?)",
          row[1], row[0]);
    }
    for (String[] row : rows) {
      jdbc.update("update category set parent_code = ? where code = ?", blankToNull(row[2]), row[0]);
    }
  }

  private void loadOrganizations(JdbcTemplate jdbc) {
    List<String[]> rows = rows("organizations.csv");
    for (String[] row : rows) {
      boolean regionWide = REGION_WIDE.equals(row[4].trim());
      upsert(jdbc,
          "update organization set name = ?, kind = ?, region_wide = ? where code = ?",
          "insert into organization (name, kind, region_wide, code) values (?, ?, ?, ?)",
          row[1], row[2], regionWide, row[0]);
    }
    for (String[] row : rows) {
      jdbc.update("update organization set supervisor_code = ? where code = ?", blankToNull(row[3]), row[0]);
      jdbc.update("delete from organization_territory where organization_code = ?", row[0]);
      if (!REGION_WIDE.equals(row[4].trim())) {
        for (String territory : row[4].split(",")) {
          jdbc.update("insert into organization_territory (organization_code, territory_code) values (?, ?)",
              row[0], territory.trim());
        }
      }
    }
  }

  private static void upsert(JdbcTemplate jdbc, String update, String insert, Object... args) {
    if (jdbc.update(update, args) == 0) {
      jdbc.update(insert, args);
    }
  }

  private List<String[]> rows(String file) {
    Resource resource = resources.getResource(location + file);
    try {
      String content = resource.getContentAsString(StandardCharsets.UTF_8);
      return content.lines()
          .skip(1)
          .filter(line -> !line.isBlank())
          .map(line -> Arrays.stream(line.split(";", -1)).map(String::trim).toArray(String[]::new))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the region's data file " + resource, e);
    }
  }

  private static Double decimal(String value) {
    return value.isBlank() ? null : Double.valueOf(value);
  }

  private static String blankToNull(String value) {
    return value.isBlank() ? null : value;
  }
}
