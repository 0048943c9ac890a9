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

  /** {@code from} and {@code to} of a request, both optional ISO dates. */
  record Days(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {}

  @GetMapping("/heatmap")
  HeatMap heatMap(Days days, @RequestParam(name = "channel", required = false) Channel channel,
      Authentication authentication) {
    return analytics.heatMap(period(days), channel == null ? null : channel.name(), organizationsOf(authentication));
  }

  @GetMapping("/kpi")
  List<OrganizationKpi> kpi(Days days, Authentication authentication) {
    return analytics.kpi(period(days), organizationsOf(authentication));
  }

  @GetMapping("/daily")
  List<DailyCounts> daily(Days days, Authentication authentication) {
    return analytics.daily(period(days), organizationsOf(authentication));
  }

  /** The longest overdue open appeals, with their process instances: what a supervisor chases first. */
  @GetMapping("/overdue")
  List<OverdueAppeal> overdue(Authentication authentication) {
    return analytics.overdue(organizationsOf(authentication), OVERDUE_LIST_SIZE);
  }

  private Period period(Days days) {
    return Period.of(days.from(), days.to(), clock);
  }

  private static Set<String> organizationsOf(Authentication authentication) {
    AppealReader reader = AppealReader.of(authentication);
    return reader.seesAll() ? null : reader.organizations();
  }
}
