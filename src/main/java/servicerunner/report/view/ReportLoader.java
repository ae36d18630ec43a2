package servicerunner.report.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import servicerunner.report.Json;

/** Reads report files written earlier (by --output-file or another machine), refusing anything that is not one. */
public final class ReportLoader {
  private ReportLoader() {}

  /** A file that is missing, unreadable, not JSON or not a report; the message names the file. */
  public static final class BadReport extends Exception {
    private static final long serialVersionUID = 1L;

    BadReport(String message) {
      super(message, null, false, false);
    }
  }

  public static ReportView load(Path file) throws BadReport {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadReport(name + ": file not found");
    } catch (IOException | RuntimeException e) {
      throw new BadReport(name + ": cannot read the file (" + e.getMessage() + ")");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadReport(name + ": not a report: the file is not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a BOM some Windows editors add when a report is saved again
    }
    if (text.isBlank()) {
      throw new BadReport(name + ": not a report: the file is empty");
    }
    JsonNode root;
    try {
      root = Json.parse(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new BadReport(name + ": not JSON" + where + ": " + Text.oneLine(e.getOriginalMessage(), 200));
    } catch (IOException e) {
      throw new BadReport(name + ": not JSON: " + Text.oneLine(e.getMessage(), 200));
    }
    String problem = ReportView.problem(root);
    if (problem != null) {
      throw new BadReport(name + ": not a service-runner report: " + problem);
    }
    return new ReportView(file.getFileName() == null ? name : file.getFileName().toString(), root, text.strip(), List.of());
  }
}
