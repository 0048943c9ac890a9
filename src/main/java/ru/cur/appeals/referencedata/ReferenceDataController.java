package ru.cur.appeals.referencedata;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reference")
class ReferenceDataController {

  private final ReferenceData referenceData;

  ReferenceDataController(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  @GetMapping("/territories")
  List<Territory> territories() {
    return referenceData.territories();
  }

  @GetMapping("/categories")
  List<Category> categories() {
    return referenceData.categories();
  }

  @GetMapping("/organizations")
  List<Organization> organizations() {
    return referenceData.organizations();
  }
}
