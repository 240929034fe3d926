package org.microcred.local;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.emulators.LocalEmulators;
import org.microcred.emulators.SamTemplate;
import org.microcred.local.demo.DemoCatalog;
import org.microcred.local.demo.DemoOrganizations;
import org.microcred.local.demo.DemoSeeder;
import org.microcred.local.http.HttpApiServer;
import org.microcred.local.cognito.InvitationSender;
import org.microcred.local.cognito.LocalCognito;
import org.microcred.local.cognito.LocalPlatformAdmin;
import org.microcred.local.cognito.SesInvitations;
import org.microcred.local.identity.DevDirectory;
import org.microcred.local.identity.DevIdentityProvider;
import org.microcred.local.identity.DevUsers;
import org.microcred.local.identity.PoolMembers;
import org.microcred.local.lambda.LocalFunctions;
import org.microcred.local.streams.StreamWiring;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.shared.config.FunctionEnvironment;

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
    private static final String USER_POOL = "UserPool";
    private static final String ORGANIZATIONS_TABLE = "OrganizationsTable";

    private final DevIdentityProvider identityProvider;
    private final DevUsers directory;
    private final LocalCognito cognito;

    private LocalStack(SamTemplate template, LocalEmulators emulators, Map<String, String> physicalNames,
                       HttpApiServer server, StreamWiring streams, DevIdentityProvider identityProvider,
                       DevUsers directory, LocalCognito cognito) {
        this.template = template;
        this.emulators = emulators;
        this.physicalNames = physicalNames;
        this.server = server;
        this.streams = streams;
        this.identityProvider = identityProvider;
        this.directory = directory;
        this.cognito = cognito;
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
            Map<String, String> names = new HashMap<>(emulators.createResources(template, ""));
            names.put(USER_POOL, LocalCognito.USER_POOL_ID);
            server = HttpApiServer.bind(options.port());
            URI baseUri = server.baseUri();
            DevIdentityProvider identityProvider = data
                    .map(dir -> DevIdentityProvider.persistentUnder(dir.identity(), baseUri))
                    .orElseGet(() -> DevIdentityProvider.ephemeral(baseUri));
            LocalCognito cognito = LocalCognito.start(data.map(DataDirectory::identity),
                    emulators.ses().<InvitationSender>map(SesInvitations::new).orElse(InvitationSender.NONE));
            server.mount(LocalCognito.PATH, cognito);
            LocalSecrets secrets = LocalSecrets.in(data.map(DataDirectory::identity));
            LocalFunctions functions = LocalFunctions.load(template, function -> {
                Map<String, String> environment = secrets.apply(
                        emulators.functionEnvironment(template, function, Map.copyOf(names)), baseUri);
                environment.put(FunctionEnvironment.COGNITO_ENDPOINT, baseUri + LocalCognito.PATH);
                return environment;
            });
            boolean organisations = administersOrganizations(template, names);
            DevUsers users = organisations
                    ? new PoolMembers(cognito.pool(), functions.get(PoolMembers.TRIGGER), new OrganizationProfiles(
                            new OrganizationsTable(emulators.dynamoDb(), names.get(ORGANIZATIONS_TABLE))))
                    : DevDirectory.fromClasspath(options.demoRoot());
            streams = StreamWiring.start(template, emulators, Map.copyOf(names), functions, fresh);
            server.serve(template, functions, identityProvider, users);
            LocalStack stack = new LocalStack(template, emulators, Map.copyOf(names), server, streams,
                    identityProvider, users, cognito);
            Optional<String> platformAdmin = organisations ? Optional.of(LocalPlatformAdmin.ensure(cognito.pool(),
                    URI.create(baseUri + LocalCognito.PATH), emulators.dynamoDbEndpoint(), names.get(ORGANIZATIONS_TABLE),
                    LocalEmulators.REGION)) : Optional.empty();
            if (options.seedDemoData() && !data.map(DataDirectory::isSeeded).orElse(false)) {
                data.ifPresent(dir -> dir.markSeeded(seedDemoData(options, baseUri, identityProvider, users, cognito,
                        platformAdmin)));
                if (data.isEmpty()) {
                    seedDemoData(options, baseUri, identityProvider, users, cognito, platformAdmin);
                }
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

    /**
     * Onboards the demo organisations and their people through the API (where the template has
     * organisation administration), then loads the catalog and sets the coach pools.
     *
     * @return how many micro-credentials were loaded
     */
    private static int seedDemoData(LocalStackOptions options, URI baseUri, DevIdentityProvider identityProvider,
                                    DevUsers users, LocalCognito cognito, Optional<String> platformAdmin) {
        Optional<String> adminToken = platformAdmin.flatMap(users::user).map(identityProvider::tokenFor);
        DemoOrganizations organizations = new DemoOrganizations(baseUri, options.demoRoot());
        adminToken.ifPresent(token -> organizations.onboard(token, cognito.pool()));
        List<DemoSeeder.SeededMicroCredential> catalog = new DemoSeeder(baseUri, identityProvider, users)
                .seed(DemoCatalog.fromClasspath(options.demoRoot()));
        adminToken.ifPresent(token -> organizations.setCoachPools(catalog, token));
        return catalog.size();
    }

    /** The repository's template has it; the local stack's own plumbing tests use smaller ones. */
    private static boolean administersOrganizations(SamTemplate template, Map<String, String> names) {
        return names.containsKey(ORGANIZATIONS_TABLE) && template.functions().stream()
                .anyMatch(function -> function.logicalId().equals(PoolMembers.TRIGGER));
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

    /** Everyone who can sign in, with what their token carries. */
    public DevUsers directory() {
        return directory;
    }

    /** The local user pool (template.yaml's UserPool). */
    public LocalCognito cognito() {
        return cognito;
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
