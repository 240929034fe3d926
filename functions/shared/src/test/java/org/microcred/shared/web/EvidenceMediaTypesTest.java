package org.microcred.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EvidenceMediaTypesTest {
    private static final List<String> ACTIVE = List.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "text/xml", "application/xml", "application/javascript", "text/javascript", "application/x-shockwave-flash",
            "multipart/x-mixed-replace", "application/rdf+xml", "text/xsl");

    @Test
    void typesABrowserWouldRunAsAPage_areNotAccepted_andDownloadAsOpaqueBytes() {
        for (String type : ACTIVE) {
            assertThat(EvidenceMediaTypes.isAllowed(type)).as(type).isFalse();
            assertThat(EvidenceMediaTypes.servedAs(type)).as(type).isEqualTo("application/octet-stream");
            assertThat(EvidenceMediaTypes.showsInline(type)).as(type).isFalse();
        }
        assertThat(EvidenceMediaTypes.servedAs(null)).isEqualTo("application/octet-stream");
    }

    @Test
    void classroomEvidenceTypes_areAccepted_andServedAsThemselves_caseInsensitively() {
        assertThat(EvidenceMediaTypes.isAllowed("Application/PDF")).isTrue();
        assertThat(EvidenceMediaTypes.servedAs("Image/PNG")).isEqualTo("image/png");
        assertThat(EvidenceMediaTypes.showsInline("video/mp4")).isTrue();
        assertThat(EvidenceMediaTypes.showsInline("text/csv")).isFalse();
    }

    @Test
    void everyInlineType_isAlsoAnAcceptedType() {
        for (String type : List.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
                "audio/mpeg", "audio/mp4", "audio/wav", "audio/webm", "audio/ogg", "video/mp4", "video/quicktime",
                "video/webm")) {
            assertThat(EvidenceMediaTypes.showsInline(type)).as(type).isTrue();
            assertThat(EvidenceMediaTypes.allowed()).as(type).contains(type);
        }
    }

    @Test
    void docsCatalogFormat_listsExactlyTheAcceptedTypes() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("docs/catalog-format.md"))) {
            dir = dir.getParent();
        }
        String doc = Files.readString(dir.resolve("docs/catalog-format.md"));
        String section = doc.substring(doc.indexOf("## Evidence media types"), doc.indexOf("## Quality criteria"));
        Matcher type = Pattern.compile("`([a-z]+/[a-z0-9.+-]+)`").matcher(section);
        Set<String> documented = new TreeSet<>();
        while (type.find()) {
            documented.add(type.group(1));
        }
        documented.remove(EvidenceMediaTypes.OPAQUE);

        assertThat(documented).containsExactlyElementsOf(EvidenceMediaTypes.allowed());
    }
}
