package ru.cur.appeals.notification.delivery;

import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.cur.appeals.appeal.Page;
import ru.cur.appeals.security.AppealReader;
import ru.cur.appeals.security.Roles;
import ru.cur.appeals.system.ConflictException;
import ru.cur.appeals.system.InvalidInputException;
import ru.cur.appeals.system.InvalidInputException.Violation;
import ru.cur.appeals.system.NotFoundException;

/**
 * The notices owed to residents and where each stands, so that a failed or undeliverable one is seen and acted on:
 * read by those who read every appeal (a notice may belong to any organisation's appeal), sent again by those who
 * act on appeals for the whole center. Managers and auditors read and change nothing.
 */
@RestController
@RequestMapping("/api/notices")
class NoticeController {

  static final int MAX_PAGE_SIZE = 200;
  private static final Set<String> MAY_SEND_AGAIN = Set.of(Roles.MODERATORS, Roles.SUPERVISORS, Roles.ADMIN);

  private final NoticeRecords notices;

  NoticeController(NoticeRecords notices) {
    this.notices = notices;
  }

  @GetMapping
  Page<NoticeView> find(
      @RequestParam(name = "status", required = false) NoticeStatus status,
      @RequestParam(name = "appeal", required = false) String appeal,
      @RequestParam(name = "page", defaultValue = "0") int page,
      @RequestParam(name = "size", defaultValue = "20") int size,
      Authentication authentication) {
    if (!AppealReader.of(authentication).seesAll()) {
      throw new AccessDeniedException("Only staff who read every appeal read its notices");
    }
    if (page < 0) {
      throw new InvalidInputException(List.of(new Violation("page", "must be 0 or more (pages count from 0)")));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException(List.of(new Violation("size", "must be from 1 to " + MAX_PAGE_SIZE)));
    }
    return notices.find(status, appeal, page, size);
  }

  /** A FAILED or UNDELIVERABLE notice goes at the next round, e.g. once the mail server or the address is fixed. */
  @PostMapping("/{id}/retry")
  NoticeView sendAgain(@PathVariable("id") long id, Authentication authentication) {
    boolean allowed = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(MAY_SEND_AGAIN::contains);
    if (!allowed) {
      throw new AccessDeniedException("Only moderators, supervisors and administrators send notices again");
    }
    if (!notices.sendAgain(id)) {
      NoticeView notice = notices.find(id).orElseThrow(() -> new NotFoundException("No notice " + id));
      throw new ConflictException("Notice " + id + " is " + notice.status()
          + "; only FAILED and UNDELIVERABLE notices are sent again");
    }
    return notices.find(id).orElseThrow();
  }
}
