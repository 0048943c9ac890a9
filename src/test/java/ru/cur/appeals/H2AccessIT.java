package ru.cur.appeals;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@OnH2
class H2AccessIT extends AccessScenarios {

  @Autowired
  TestRestTemplate rest;

  @Override
  AppealApi api() {
    return new AppealApi(rest);
  }

  @Override
  TestRestTemplate anonymous() {
    return rest;
  }
}
