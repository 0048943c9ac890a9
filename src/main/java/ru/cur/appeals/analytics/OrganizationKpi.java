package ru.cur.appeals.analytics;

/**
 * An organisation's record for the appeals it holds that were received in a period (SPEC §4). Shares are
 * percentages with one decimal, times are hours with one decimal; {@code null} where nothing was measured
 * yet (no answer done, no confirmation asked), never a misleading 0.
 *
 * @param received appeals received in the period that the organisation holds
 * @param answered of them, those answered
 * @param answeredInTimePercent of those whose answer step is done, the share done by its deadline
 * @param overdueNow the organisation's open appeals past a deadline now, whenever received
 * @param medianHoursToFirstReply from registration to the appeal center's first public reply
 * @param medianHoursToResolution from registration to closing with the problem resolved
 * @param fastTrackResolvedPercent of fast-track appeals closed, the share closed as resolved
 * @param confirmedByResidentsPercent of the residents asked to confirm the organisation's solution (answered or
 *     silent past the window), the share who confirmed it
 */
record OrganizationKpi(
    String organization, String organizationName, long received, long answered, Double answeredInTimePercent,
    long overdueNow, Double medianHoursToFirstReply, Double medianHoursToResolution, Double fastTrackResolvedPercent,
    Double confirmedByResidentsPercent) {}
