package io.halcyon.rdl.compiler.ipxact;

import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XML file into {@link XmlElement}s that know their line and column (SAX, because a DOM
 * forgets where its nodes were). External entities and DTDs are refused: a register description
 * has no business reading other files or the network. Malformed XML is an {@link RdlException} at
 * the place the parser stopped.
 */
final class XmlReader {

    private XmlReader() {
    }

    static XmlElement read(Path file) {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        Handler handler = new Handler(file.toString());
        try (InputStream in = Files.newInputStream(file)) {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            SAXParser parser = factory.newSAXParser();
            parser.parse(in, handler);
        } catch (SAXParseException e) {
            throw new RdlException(new SourceLocation(file.toString(), Math.max(e.getLineNumber(), 1),
                    Math.max(e.getColumnNumber(), 1)), "malformed XML: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException e) {
            throw new RdlException(new SourceLocation(file.toString(), 1, 1), "cannot read XML: " + e.getMessage());
        } catch (IOException e) {
            throw new RdlException(new SourceLocation(file.toString(), 1, 1), "cannot read file '" + file + "': "
                    + e.getMessage());
        }
        if (handler.root == null) {
            throw new RdlException(new SourceLocation(file.toString(), 1, 1), "malformed XML: no root element");
        }
        return handler.root;
    }

    private static final class Handler extends DefaultHandler {
        private final String file;
        private final Deque<XmlElement> open = new ArrayDeque<>();
        private Locator locator;
        private XmlElement root;

        Handler(String file) {
            this.file = file;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            Map<String, String> attributes = new HashMap<>();
            for (int i = 0; i < atts.getLength(); i++) {
                attributes.put(atts.getLocalName(i).isEmpty() ? atts.getQName(i) : atts.getLocalName(i), atts.getValue(i));
            }
            // SAX reports where the start tag ends; the line is what messages need, the column is that of its end.
            XmlElement e = new XmlElement(uri, localName, attributes, new SourceLocation(file, locator.getLineNumber(),
                    locator.getColumnNumber()));
            if (open.isEmpty()) {
                root = e;
            } else {
                open.peek().add(e);
            }
            open.push(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().appendText(ch, start, length);
            }
        }
    }
}
