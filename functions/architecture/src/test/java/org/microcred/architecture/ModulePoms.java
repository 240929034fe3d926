package org.microcred.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The module poms under functions/, read as XML: which modules are functions and what they declare. */
final class ModulePoms {

    /** The artifact naming convention of function modules: microcred-catalog-function, microcred-badge-issuer-function. */
    static final String FUNCTION_ARTIFACT = "microcred-[a-z-]+-function";

    /** Modules under functions/ that are neither functions nor libraries. */
    private static final Set<String> NOT_MODULES_OF_THE_APP = Set.of("architecture");

    private ModulePoms() {
    }

    /** One module's pom: a function module builds a Lambda deployment jar with the shade plugin. */
    record ModulePom(Path dir, String artifactId, String packaging, boolean shaded, List<String> dependencies) {

        /** The function module artifacts this pom declares a dependency on (any scope). */
        List<String> functionDependencies() {
            return dependencies.stream()
                    .filter(dependency -> dependency.matches(FUNCTION_ARTIFACT) && !dependency.equals(artifactId))
                    .toList();
        }
    }

    /** functions/&lt;module&gt;/pom.xml that shade a deployment jar. */
    static List<ModulePom> functionModules(Path functionsDir) {
        return modules(functionsDir).stream().filter(ModulePom::shaded).toList();
    }

    /** Jar modules that are not functions: shared, data-integrity, review-links, records/*. */
    static List<ModulePom> libraries(Path functionsDir) {
        return modules(functionsDir).stream()
                .filter(pom -> !pom.shaded() && pom.packaging().equals("jar"))
                .toList();
    }

    private static List<ModulePom> modules(Path functionsDir) {
        List<ModulePom> poms = new ArrayList<>();
        for (Path parent : List.of(functionsDir, functionsDir.resolve("records"))) {
            try (Stream<Path> dirs = Files.list(parent)) {
                dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                        .filter(dir -> !NOT_MODULES_OF_THE_APP.contains(dir.getFileName().toString()))
                        .sorted()
                        .forEach(dir -> poms.add(read(dir.resolve("pom.xml"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return poms;
    }

    static ModulePom read(Path pomFile) {
        Element project = parse(pomFile).getDocumentElement();
        List<String> dependencies = new ArrayList<>();
        NodeList all = project.getElementsByTagName("dependency");
        for (int i = 0; i < all.getLength(); i++) {
            Element dependency = (Element) all.item(i);
            // project/dependencies and profile/dependencies; not dependencyManagement or plugin dependencies
            Node owner = dependency.getParentNode().getParentNode();
            if (owner.getNodeName().equals("project") || owner.getNodeName().equals("profile")) {
                dependencies.add(child(dependency, "artifactId"));
            }
        }
        boolean shaded = false;
        NodeList plugins = project.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            shaded |= "maven-shade-plugin".equals(child((Element) plugins.item(i), "artifactId"));
        }
        String packaging = child(project, "packaging");
        return new ModulePom(pomFile.getParent(), child(project, "artifactId"), packaging == null ? "jar" : packaging,
                shaded, List.copyOf(dependencies));
    }

    private static String child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().trim();
            }
        }
        return null;
    }

    private static Document parse(Path pomFile) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pomFile.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + pomFile, e);
        }
    }
}
