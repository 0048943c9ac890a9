package ru.cur.appeals.notification.post;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import org.springframework.stereotype.Component;
import ru.cur.appeals.system.PdfFonts;

/**
 * Lays a {@link LetterPage} out as an A4 PDF ready to print, in the fonts every PDF of the application embeds
 * ({@link PdfFonts}).
 */
@Component
class LetterPdf {

  /** A point is 1/72 inch: 30 mm left for the binding, 15 mm right, 20 mm top and bottom (ГОСТ Р 7.0.97). */
  private static final float MM = 72f / 25.4f;
  private static final float SIZE = 12;

  private final BaseFont regular;
  private final BaseFont bold;

  LetterPdf() {
    this.regular = PdfFonts.REGULAR;
    this.bold = PdfFonts.BOLD;
  }

  byte[] render(LetterPage page) {
    Font text = new Font(regular, SIZE);
    Font strong = new Font(bold, SIZE);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
    try {
      PdfWriter.getInstance(document, pdf);
      document.addTitle(page.subject());
      document.addCreator(page.sender());
      document.open();
      document.add(head(page, text, strong));
      Paragraph reference = new Paragraph("На ваше обращение от " + page.registeredDate() + " № "
          + page.registrationNumber(), text);
      reference.setSpacingBefore(4 * MM);
      document.add(reference);
      Paragraph subject = new Paragraph(page.subject(), strong);
      subject.setAlignment(Element.ALIGN_CENTER);
      subject.setSpacingBefore(12 * MM);
      subject.setSpacingAfter(6 * MM);
      document.add(subject);
      for (String line : page.text().strip().split("\n")) {
        Paragraph paragraph = new Paragraph(line.isBlank() ? " " : line, text);
        paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
        paragraph.setLeading(SIZE * 1.3f);
        document.add(paragraph);
      }
      document.add(signature(page, text));
    } catch (DocumentException e) {
      throw new IllegalStateException("Печатное письмо по обращению " + page.registrationNumber() + " не составить", e);
    } finally {
      document.close();
    }
    return pdf.toByteArray();
  }

  /** The sender and the date at the left, the addressee at the right. */
  private static PdfPTable head(LetterPage page, Font text, Font strong) {
    PdfPTable head = new PdfPTable(new float[] {1, 1});
    head.setWidthPercentage(100);
    Paragraph sender = new Paragraph(page.sender(), strong);
    sender.add(Chunk.NEWLINE);
    sender.add(new Chunk(page.date(), text));
    head.addCell(cell(sender));
    Paragraph recipient = new Paragraph(page.recipientName() == null ? "" : page.recipientName(), strong);
    recipient.add(Chunk.NEWLINE);
    recipient.add(new Chunk(page.postalAddress(), text));
    head.addCell(cell(recipient));
    return head;
  }

  /** The head who approved the answer, or an empty line for the person the organisation authorises to sign. */
  private static PdfPTable signature(LetterPage page, Font text) {
    PdfPTable signature = new PdfPTable(new float[] {1, 1});
    signature.setWidthPercentage(100);
    signature.setSpacingBefore(12 * MM);
    signature.addCell(cell(new Paragraph(page.signer() != null ? "Руководитель" : "Уполномоченное лицо", text)));
    Paragraph name = new Paragraph("_______________  " + (page.signer() != null ? page.signer() : "_______________"),
        text);
    name.setAlignment(Element.ALIGN_RIGHT);
    PdfPCell right = cell(name);
    right.setHorizontalAlignment(Element.ALIGN_RIGHT);
    signature.addCell(right);
    return signature;
  }

  private static PdfPCell cell(Paragraph content) {
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    cell.addElement(content);
    return cell;
  }
}
