package ru.cur.appeals.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.cur.appeals.appeal.Channel;
import ru.cur.appeals.security.AppealReader;

/**
 * SPEC §4's analytics: the heat map and the organisations' KPIs for a period of days ({@code from}, {@code to},
 * ISO dates in the region's calendar). Whoever reads every appeal sees the whole region; an organisation's
 * people see their organisation's figures only.
 */
@RestController
// The same figures for API clients (tokens, Basic) and for the dashboard's page (the webapps' login).
@RequestMapping({"/api/analytics", "/dashboard/api"})
class AnalyticsController {

  static final int OVERDUE_LIST_SIZE = 200;

  private final Analytics analytics;
  private final Clock clock;

  AnalyticsController(Analytics analytics, Clock clock) {
    this.analytics = analytics;
    this.clock = clock;
  }

  @GetMapping("/heatmap")
  HeatMap heatMap(
      @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(name = "channel", required = false) Channel channel,
      Authentication authentication) {
    return analytics.heatMap(Period.of(from, to, clock), channel == null ? null : channel.name(),
        organizationsOf(authentication));
  }

  @GetMapping("/kpi")
  List<OrganizationKpi> kpi(
      @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Authentication authentication) {
    return analytics.kpi(Period.of(from, to, clock), organizationsOf(authentication));
  }

  @GetMapping("/daily")
  List<DailyCounts> daily(
      @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Authentication authentication) {
    return analytics.daily(Period.of(from, to, clock), organizationsOf(authentication));
  }

  /** The longest overdue open appeals, with their process instances: what a supervisor chases first. */
  @GetMapping("/overdue")
  List<OverdueAppeal> overdue(Authentication authentication) {
    return analytics.overdue(organizationsOf(authentication), OVERDUE_LIST_SIZE);
  }

  private static Set<String> organizationsOf(Authentication authentication) {
    AppealReader reader = AppealReader.of(authentication);
    return reader.seesAll() ? null : reader.organizations();
  }
}
