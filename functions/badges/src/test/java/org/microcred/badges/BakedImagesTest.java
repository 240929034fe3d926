package org.microcred.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.expect;
import static org.microcred.emulators.junit.ApiResponses.header;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.badges.support.BadgeFixture;
import org.microcred.badges.support.Call;
import org.microcred.badges.support.Who;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Baked images, unbaked with readers independent of the code that baked them: the JDK's
 * ImageIO PNG metadata (iTXt entries) and its namespace-aware XML parser.
 */
@ExtendWith(EmulatorsExtension.class)
class BakedImagesTest {
    static final Who MARIA = Who.learner("u-maria-i", "Maria <Delgado> & \"Co\"");
    static final String OB3 = "https://purl.imsglobal.org/ob/v3p0";
    static final String OB2 = "http://openbadges.org";

    private static BadgeFixture fixture;
    private static BadgeHandler handler;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new BadgeFixture(stack);
        handler = fixture.handler();
    }

    /** iTXt entries (keyword -> text) as ImageIO's standard PNG metadata format reports them. */
    private static List<String[]> itxt(byte[] png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            Node root = metadata.getAsTree("javax_imageio_png_1.0");
            List<String[]> entries = new ArrayList<>();
            for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node.getNodeName().equals("iTXt")) {
                    for (Node entry = node.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                        Element e = (Element) entry;
                        entries.add(new String[] {e.getAttribute("keyword"), e.getAttribute("text"),
                                e.getAttribute("compressionFlag")});
                    }
                }
            }
            reader.dispose();
            return entries;
        }
    }

    private static byte[] png(APIGatewayV2HTTPResponse response) {
        assertThat(response.getIsBase64Encoded()).isTrue();
        assertThat(header(response, "content-type")).isEqualTo("image/png");
        return Base64.getDecoder().decode(response.getBody());
    }

    private static Document xml(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void png_isAValidImageBakedWithTheCredentialJwt() throws Exception {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        byte[] png = png(expect(handler.dispatch(Call.png(id).event()), 200));

        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
        List<String[]> entries = itxt(png);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)[0]).isEqualTo("openbadgecredential");
        assertThat(entries.get(0)[1]).isEqualTo(fixture.credentialJwt(id));
        assertThat(entries.get(0)[2]).isEqualTo("FALSE");
    }

    @Test
    void png_withOb2_isBakedWithTheHostedAssertionUrl() throws Exception {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        byte[] png = png(expect(handler.dispatch(Call.png(id).query("ob", "2").event()), 200));

        assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
        List<String[]> entries = itxt(png);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)[0]).isEqualTo("openbadges");
        assertThat(entries.get(0)[1]).isEqualTo(fixture.apiUrl + "/badges/" + id + "/assertion");
    }

    @Test
    void png_isARoundMedalOnATransparentBackground() throws Exception {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        var image = ImageIO.read(new ByteArrayInputStream(png(handler.dispatch(Call.png(id).event()))));

        assertThat(image.getRGB(0, 0) >>> 24).as("transparent corner").isZero();
        assertThat(image.getRGB(128, 20) >>> 24).as("opaque ring").isEqualTo(255);
    }

    @Test
    void svg_carriesTheCredentialJwtInTheOpenBadgesNamespace() throws Exception {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        var response = expect(handler.dispatch(Call.svg(id).event()), 200);

        assertThat(header(response, "content-type")).startsWith("image/svg+xml");
        Document svg = xml(response.getBody());
        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        NodeList credentials = svg.getElementsByTagNameNS(OB3, "credential");
        assertThat(credentials.getLength()).isEqualTo(1);
        Element credential = (Element) credentials.item(0);
        assertThat(credential.getAttribute("verify")).isEqualTo(fixture.credentialJwt(id));
        Node first = root.getFirstChild();
        assertThat(first).as("the credential directly after <svg>").isSameAs(credential);
    }

    @Test
    void svg_escapesTheNamesItShows() throws Exception {
        String issuer = "Riverbend <Unified> & \"Sons\" </svg>";
        String id = fixture.issue(fixture.badgeFor(MARIA).issuerName(issuer));

        String body = expect(handler.dispatch(Call.svg(id).event()), 200).getBody();

        assertThat(body).doesNotContain("<Unified>").contains("&lt;Unified&gt; &amp; &quot;Sons&quot;");
        Document svg = xml(body);
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent())
                .isEqualTo(BadgeFixture.TITLE + " (" + issuer + ")");
    }

    @Test
    void svg_withOb2_carriesTheAssertionUrlInTheOpenBadges2Namespace() throws Exception {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        Document svg = xml(expect(handler.dispatch(Call.svg(id).query("ob", "2").event()), 200).getBody());

        assertThat(svg.getElementsByTagNameNS(OB3, "credential").getLength()).isZero();
        NodeList assertions = svg.getElementsByTagNameNS(OB2, "assertion");
        assertThat(assertions.getLength()).isEqualTo(1);
        assertThat(((Element) assertions.item(0)).getAttribute("verify"))
                .isEqualTo(fixture.apiUrl + "/badges/" + id + "/assertion");
    }

    @Test
    void images_withAnUnknownBakingVersion_are400NamingOb() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        for (Call call : List.of(Call.png(id).query("ob", "1"), Call.svg(id).query("ob", "two"))) {
            var response = handler.dispatch(call.event());
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getBody()).contains("\"field\":\"ob\"");
        }
    }
}
