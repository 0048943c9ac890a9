package ru.cur.appeals;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the application wrote about an appeal in its own tables, as the scenarios check it. */
final class AppealRecords {

  private final JdbcClient jdbc;

  AppealRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The kinds of the notices owed to the appeal's author, in the order they were owed. */
  List<String> noticesOf(String id) {
    return jdbc.sql("""
        select n.kind from notification_outbox n join appeal a on a.id = n.appeal_id
        where a.registration_number = :id order by n.id""").param("id", id).query(String.class).list();
  }

  /** Who was reminded of the appeal's deadlines (groups or users), in the order they were reminded. */
  List<String> staffRemindersOf(String id) {
    return jdbc.sql("""
        select coalesce(s.recipient_group, s.recipient_user) from staff_notification s
        join appeal a on a.id = s.appeal_id where a.registration_number = :id order by s.id""")
        .param("id", id).query(String.class).list();
  }

  String processInstanceOf(String id) {
    return jdbc.sql("select process_instance_id from appeal where registration_number = :id")
        .param("id", id).query(String.class).single();
  }
}
