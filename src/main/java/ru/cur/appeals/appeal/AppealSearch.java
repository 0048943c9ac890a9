package ru.cur.appeals.appeal;

import java.util.Set;

/**
 * Criteria of the paged search. {@code visibleOrganizations} is null for readers who see every
 * appeal, otherwise the organisations whose appeals the reader may see.
 */
public record AppealSearch(
    AppealStatus status, String territory, String category, String organization, Boolean overdue,
    Set<String> visibleOrganizations, int page, int size) {}
