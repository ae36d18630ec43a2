package servicerunner.testing;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** JUnit XML checked against Jenkins xUnit's junit-10.xsd (src/test/resources/junit), and parsed for assertions. */
public final class JUnitSchema {
  private JUnitSchema() {}

  /** Throws a SAXException naming the line and column of the first violation. */
  public static void assertValid(String xml) throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.newSchema(JUnitSchema.class.getResource("/junit/jenkins-junit-10.xsd")).newValidator()
        .validate(new StreamSource(new StringReader(xml)));
  }

  public static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }
}
