package ru.cur.appeals.notification.post;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.cur.appeals.security.AppealReader;
import ru.cur.appeals.system.NotFoundException;

/**
 * A printed letter's PDF, for whoever may read the appeal's organisation: the clerk who mails it, its heads, staff
 * who read every appeal. Anyone else learns nothing, not even that the letter exists (404).
 */
@RestController
// API clients (tokens, Basic) and the link on the clerk's task in Tasklist (the webapps' login).
@RequestMapping({"/api/letters", "/letters"})
class LetterController {

  private final PrintedLetters letters;

  LetterController(PrintedLetters letters) {
    this.letters = letters;
  }

  @GetMapping("/{id}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable("id") long id, Authentication authentication) {
    AppealReader reader = AppealReader.of(authentication);
    PrintedLetter letter = letters.find(id).filter(found -> reader.canRead(found.organization()))
        .orElseThrow(() -> new NotFoundException("No letter " + id));
    // The number is Cyrillic: filename* carries it (RFC 5987), filename a Latin spelling for clients without it.
    String attachment = ContentDisposition.attachment()
        .filename(letter.registrationNumber() + ".pdf", StandardCharsets.UTF_8).build()
        + "; filename=\"" + Latin.of(letter.registrationNumber()) + ".pdf\"";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment)
        .cacheControl(CacheControl.noStore())
        .body(letters.pdf(id));
  }
}
