package ru.cur.appeals.referencedata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Territories, categories and organisations of the region, read once from the application's
 * tables (filled by {@link RegionDataLoader}) and held in memory: they change with a release of
 * the region's data files, not while the application runs.
 */
@Component
public class ReferenceData {

  private final List<Territory> territories;
  private final List<Category> categories;
  private final List<Organization> organizations;
  private final Map<String, Territory> territoriesByCode;
  private final Map<String, Category> categoriesByCode;
  private final Map<String, Organization> organizationsByCode;

  public ReferenceData(JdbcClient jdbc) {
    territories = jdbc.sql("select code, name, kind, lat, lon from territory order by code")
        .query((rs, i) -> new Territory(rs.getString("code"), rs.getString("name"), rs.getString("kind"),
            rs.getObject("lat", Double.class), rs.getObject("lon", Double.class)))
        .list();
    categories = jdbc.sql("select code, name, parent_code from category order by code")
        .query((rs, i) -> new Category(rs.getString("code"), rs.getString("name"), rs.getString("parent_code")))
        .list();
    Map<String, List<String>> servedTerritories = jdbc
        .sql("select organization_code, territory_code from organization_territory order by territory_code")
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list().stream()
        .collect(Collectors.groupingBy(Map.Entry::getKey,
            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    organizations = jdbc.sql("select code, name, kind, supervisor_code, region_wide from organization order by code")
        .query((rs, i) -> new Organization(rs.getString("code"), rs.getString("name"), rs.getString("kind"),
            rs.getString("supervisor_code"), rs.getBoolean("region_wide"),
            servedTerritories.getOrDefault(rs.getString("code"), List.of())))
        .list();
    territoriesByCode = index(territories, Territory::code);
    categoriesByCode = index(categories, Category::code);
    organizationsByCode = index(organizations, Organization::code);
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> code) {
    return items.stream().collect(Collectors.toUnmodifiableMap(code, Function.identity()));
  }

  public List<Territory> territories() {
    return territories;
  }

  public List<Category> categories() {
    return categories;
  }

  public List<Category> leafCategories() {
    return categories.stream().filter(Category::isLeaf).toList();
  }

  public List<Organization> organizations() {
    return organizations;
  }

  public Optional<Territory> territory(String code) {
    return Optional.ofNullable(code).map(territoriesByCode::get);
  }

  public Optional<Category> category(String code) {
    return Optional.ofNullable(code).map(categoriesByCode::get);
  }

  /** The catalogue's group (top-level category) of a category or subcategory; empty for none or unknown. */
  public Optional<String> categoryGroup(String code) {
    return category(code).map(found -> found.parent() != null ? found.parent() : found.code());
  }

  public Optional<Organization> organization(String code) {
    return Optional.ofNullable(code).map(organizationsByCode::get);
  }

  public String territoryName(String code) {
    return territory(code).map(Territory::name).orElse(code);
  }

  public String categoryName(String code) {
    return category(code).map(Category::name).orElse(code);
  }

  public String organizationName(String code) {
    return organization(code).map(Organization::name).orElse(code);
  }
}
