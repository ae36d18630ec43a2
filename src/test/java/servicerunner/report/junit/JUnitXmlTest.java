package servicerunner.report.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import servicerunner.report.Json;
import servicerunner.report.view.ReportLoader;
import servicerunner.report.view.ReportView;
import servicerunner.testing.Fixtures;

/** JUnit XML: a golden file for the fleet fixtures, and every output valid against Jenkins' junit-10.xsd. */
class JUnitXmlTest {

  static void assertValid(String xml) throws Exception {
    URL xsd = JUnitXmlTest.class.getResource("/junit/jenkins-junit-10.xsd");
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator v = f.newSchema(xsd).newValidator();
    v.validate(new StreamSource(new StringReader(xml))); // throws SAXException naming line and column
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static List<ReportView> fleet() throws Exception {
    List<ReportView> out = new ArrayList<>();
    for (String n : List.of("front-desk-01", "reception-02", "lab-pc-07")) {
      out.add(ReportLoader.load(Fixtures.path("reports", n + ".json")));
    }
    return out;
  }

  @Test
  void fleetMatchesTheGoldenFileWhichIsSchemaValid() throws Exception {
    Path golden = Path.of(System.getProperty("sr.testResources", "src/test/resources"), "junit", "fleet.expected.xml");
    String xml = JUnitXml.render(fleet());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, xml, StandardCharsets.UTF_8);
    }
    String want = Files.readString(golden, StandardCharsets.UTF_8);
    assertValid(want);
    assertEquals(want, xml);
  }

  @Test
  void oneSuitePerRunOneCasePerTaskWithTheRightElements() throws Exception {
    String xml = JUnitXml.render(fleet());
    Document d = parse(xml);
    NodeList suites = d.getElementsByTagName("testsuite");
    assertEquals(3, suites.getLength());
    Element front = (Element) suites.item(0);
    assertEquals("FRONT-DESK-01", front.getAttribute("hostname"));
    assertEquals("11", front.getAttribute("tests"));
    assertEquals("1", front.getAttribute("errors"));
    assertEquals("0", front.getAttribute("failures"));
    Element sfc = (Element) front.getElementsByTagName("testcase").item(7);
    assertEquals("#7 sfc_scan", sfc.getAttribute("name"));
    assertEquals("Corrupt system files were found but some could not be repaired.",
        ((Element) sfc.getElementsByTagName("error").item(0)).getAttribute("message"));
    Element reception = (Element) suites.item(1);
    assertEquals("1", reception.getAttribute("skipped"));
    Element skipped = (Element) reception.getElementsByTagName("skipped").item(0);
    assertTrue(skipped.getAttribute("message").contains("24 hours"), skipped.getAttribute("message"));
    Element lab = (Element) suites.item(2);
    assertEquals("1", lab.getAttribute("errors"), "an unreadable plan is an error CI sees");
    Element root = d.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("18", root.getAttribute("tests"));
    assertEquals("2", root.getAttribute("errors"));
  }

  @Test
  void namesCasesByIndexTypeAndLabelAndSurvivesCharactersXmlCannotHold() throws Exception {
    ObjectNode r = Json.object().put("overall_status", "completed_with_errors").put("run_timestamp", "2026-11-25T20:07:31.683Z");
    r.putObject("metadata").put("hostname", "pc.example.org").put("customer_name", "A & B <\"co\">");
    ObjectNode t = r.putArray("results").addObject().put("task_type", "command").put("status", "failure")
        .put("duration_seconds", 1.5);
    t.putObject("summary").put("error", "bad \u0001 byte \uD800 and ]]> end");
    String xml = JUnitXml.render(List.of(new ReportView(null, r, Json.pretty(r), List.of("Run <script>"))));
    assertValid(xml);
    Element c = (Element) parse(xml).getElementsByTagName("testcase").item(0);
    assertEquals("#0 command (Run <script>)", c.getAttribute("name"));
    assertEquals("pc_example_org.command", c.getAttribute("classname"));
    assertEquals("1.500", c.getAttribute("time"));
    assertEquals("bad \uFFFD byte \uFFFD and ]]> end",
        ((Element) c.getElementsByTagName("failure").item(0)).getAttribute("message"));
    Element suite = (Element) parse(xml).getElementsByTagName("testsuite").item(0);
    assertEquals("2026-11-25T20:07:31", suite.getAttribute("timestamp"));
  }
}
