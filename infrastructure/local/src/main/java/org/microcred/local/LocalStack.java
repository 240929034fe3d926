package org.microcred.local;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.microcred.emulators.LocalEmulators;
import org.microcred.emulators.SamTemplate;
import org.microcred.local.demo.DemoCatalog;
import org.microcred.local.demo.DemoOrganizations;
import org.microcred.local.demo.DemoSeeder;
import org.microcred.local.http.HttpApiServer;
import org.microcred.local.identity.DevDirectory;
import org.microcred.local.identity.DevIdentityProvider;
import org.microcred.local.lambda.LocalFunctions;
import org.microcred.local.streams.StreamWiring;

/**
 * microcred running on this machine: the emulators with the template's tables and buckets,
 * every function's handler, the HTTP API with the dev authorizer, and stream wiring. Used by
 * {@link LocalMicrocred} and, in memory on a free port, by end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {
    private final SamTemplate template;
    private final LocalEmulators emulators;
    private final Map<String, String> physicalNames;
    private final HttpApiServer server;
    private final StreamWiring streams;
    private final DevIdentityProvider identityProvider;
    private final DevDirectory directory;

    private LocalStack(SamTemplate template, LocalEmulators emulators, Map<String, String> physicalNames,
                       HttpApiServer server, StreamWiring streams, DevIdentityProvider identityProvider,
                       DevDirectory directory) {
        this.template = template;
        this.emulators = emulators;
        this.physicalNames = physicalNames;
        this.server = server;
        this.streams = streams;
        this.identityProvider = identityProvider;
        this.directory = directory;
    }

    /**
     * Starts everything and, if asked and not done before, loads the demo data through the API.
     *
     * @throws org.microcred.local.demo.DemoDataRejectedException if the API refuses a demo document
     */
    public static LocalStack start(LocalStackOptions options) {
        SamTemplate template = options.templateFile().map(SamTemplate::load).orElseGet(SamTemplate::locate);
        Optional<DataDirectory> data = options.dataDirectory().map(DataDirectory::new);
        if (options.reset()) {
            data.ifPresent(DataDirectory::reset);
        }
        boolean fresh = data.map(DataDirectory::isFresh).orElse(true);
        LocalEmulators.Builder builder = LocalEmulators.builder().ses(options.sesMode());
        data.ifPresent(dir -> builder.persistentUnder(dir.root()));
        LocalEmulators emulators = builder.start();
        HttpApiServer server = null;
        StreamWiring streams = null;
        try {
            Map<String, String> names = Map.copyOf(emulators.createResources(template, ""));
            server = HttpApiServer.bind(options.port());
            URI baseUri = server.baseUri();
            DevIdentityProvider identityProvider = data
                    .map(dir -> DevIdentityProvider.persistentUnder(dir.identity(), baseUri))
                    .orElseGet(() -> DevIdentityProvider.ephemeral(baseUri));
            DevDirectory directory = DevDirectory.fromClasspath(options.demoRoot());
            LocalSecrets secrets = LocalSecrets.in(data.map(DataDirectory::identity));
            LocalFunctions functions = LocalFunctions.load(template, function -> secrets.apply(
                    emulators.functionEnvironment(template, function, names), baseUri));
            streams = StreamWiring.start(template, emulators, names, functions, fresh);
            server.serve(template, functions, identityProvider, directory);
            LocalStack stack = new LocalStack(template, emulators, names, server, streams, identityProvider, directory);
            if (options.seedDemoData() && !data.map(DataDirectory::isSeeded).orElse(false)) {
                // Organisations first: enrolling in the demo catalog needs their policies and coaches.
                if (names.containsKey("OrganizationsTable")) {
                    DemoOrganizations.seed(emulators.dynamoDb(), names.get("OrganizationsTable"), options.demoRoot());
                }
                int count = new DemoSeeder(baseUri, identityProvider, directory)
                        .seed(DemoCatalog.fromClasspath(options.demoRoot()));
                data.ifPresent(dir -> dir.markSeeded(count));
            }
            return stack;
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (streams != null) {
                streams.close();
            }
            emulators.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return server.baseUri();
    }

    public SamTemplate template() {
        return template;
    }

    public LocalEmulators emulators() {
        return emulators;
    }

    /** Physical name by logical id of every table and bucket (locally the same as the logical id). */
    public Map<String, String> physicalNames() {
        return physicalNames;
    }

    public DevIdentityProvider identityProvider() {
        return identityProvider;
    }

    public DevDirectory directory() {
        return directory;
    }

    public StreamWiring streams() {
        return streams;
    }

    @Override
    public void close() {
        server.close();
        streams.close();
        emulators.close();
    }
}
