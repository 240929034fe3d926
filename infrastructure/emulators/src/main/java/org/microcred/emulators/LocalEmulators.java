package org.microcred.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.microcred.shared.config.FunctionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * DynamoDB Local, S3Proxy and (when node is there) the SES emulator, running together with SDK
 * clients pointed at them. One instance serves a whole test JVM or the local stack; tables and
 * buckets come from template.yaml through {@link #createResources(SamTemplate, String)}.
 *
 * <pre>{@code
 * try (LocalEmulators emulators = LocalEmulators.builder().persistentUnder(dataDir).start()) {
 *     Map<String, String> names = emulators.createResources(SamTemplate.locate(), "");
 *     Map<String, String> env = emulators.functionEnvironment(template, "CatalogReadFunction", names);
 * }
 * }</pre>
 */
public final class LocalEmulators implements AutoCloseable {
    public static final String REGION = IntrinsicResolver.REGION;
    private static final Logger LOG = LoggerFactory.getLogger(LocalEmulators.class);
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));

    private final DynamoDbLocalServer dynamoDbServer;
    private final S3ProxyServer s3Server;
    private final Optional<SesEmulator> sesEmulator;
    private final SdkHttpClient httpClient = UrlConnectionHttpClient.create();
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient dynamoDbStreams;
    private final S3Client s3;
    private final Optional<SesV2Client> ses;

    private LocalEmulators(DynamoDbLocalServer dynamoDbServer, S3ProxyServer s3Server, Optional<SesEmulator> sesEmulator) {
        this.dynamoDbServer = dynamoDbServer;
        this.s3Server = s3Server;
        this.sesEmulator = sesEmulator;
        this.dynamoDb = DynamoDbClient.builder().httpClient(httpClient).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).endpointOverride(dynamoDbServer.endpoint()).build();
        this.dynamoDbStreams = DynamoDbStreamsClient.builder().httpClient(httpClient).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).endpointOverride(dynamoDbServer.endpoint()).build();
        this.s3 = S3Client.builder().httpClient(httpClient).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).endpointOverride(s3Server.endpoint())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        this.ses = sesEmulator.map(emulator -> SesV2Client.builder().httpClient(httpClient).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).endpointOverride(emulator.endpoint()).build());
    }

    public static Builder builder() {
        return new Builder();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        return dynamoDbStreams;
    }

    /** Path-style, checksums only when an operation requires them (what S3Proxy 2.6 understands). */
    public S3Client s3() {
        return s3;
    }

    /** A client for the SES emulator; empty when it is not running. */
    public Optional<SesV2Client> ses() {
        return ses;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbServer.endpoint();
    }

    public URI s3Endpoint() {
        return s3Server.endpoint();
    }

    public Optional<URI> sesEndpoint() {
        return sesEmulator.map(SesEmulator::endpoint);
    }

    /** The web inbox showing every email sent through the emulator. */
    public Optional<URI> sesInboxUrl() {
        return sesEndpoint();
    }

    /** The captured emails as JSON ({@code {"emails":[...]}}), from the emulator's {@code GET /store}. */
    public Optional<URI> sesStoreUrl() {
        return sesEndpoint().map(endpoint -> endpoint.resolve("/store"));
    }

    /**
     * Creates every table (keys, indexes, stream) and bucket of the template, named
     * {@code namePrefix + logicalId} (buckets lower-cased). Resources that already exist are
     * kept, so this is safe on every start of a persistent stack.
     *
     * @return physical name by logical id
     */
    public Map<String, String> createResources(SamTemplate template, String namePrefix) {
        return new TemplateResources(dynamoDb, s3).create(template, namePrefix);
    }

    /** Deletes what {@link #createResources} created (buckets are emptied first). */
    public void deleteResources(SamTemplate template, Map<String, String> physicalNames) {
        new TemplateResources(dynamoDb, s3).delete(physicalNames, template);
    }

    /**
     * What a function's environment holds when it runs against these emulators: its template
     * variables resolved to the physical names, the emulator endpoints
     * ({@link FunctionEnvironment#DYNAMODB_ENDPOINT} and friends) and {@code AWS_REGION}.
     */
    public Map<String, String> functionEnvironment(SamTemplate template, String functionLogicalId,
                                                   Map<String, String> physicalNames) {
        Map<String, String> environment = new LinkedHashMap<>(template.environment(functionLogicalId, physicalNames));
        environment.put(FunctionEnvironment.DYNAMODB_ENDPOINT, dynamoDbEndpoint().toString());
        environment.put(FunctionEnvironment.S3_ENDPOINT, s3Endpoint().toString());
        sesEndpoint().ifPresent(endpoint -> environment.put(FunctionEnvironment.SES_ENDPOINT, endpoint.toString()));
        environment.put("AWS_REGION", REGION);
        return environment;
    }

    @Override
    public void close() {
        dynamoDb.close();
        dynamoDbStreams.close();
        s3.close();
        ses.ifPresent(SesV2Client::close);
        httpClient.close();
        sesEmulator.ifPresent(SesEmulator::close);
        closeQuietly("S3Proxy", s3Server);
        closeQuietly("DynamoDB Local", dynamoDbServer);
    }

    private static void closeQuietly(String name, AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("{} did not stop cleanly", name, e);
        }
    }

    /** Chooses ports (0 = any free port), persistence and SES before starting. */
    public static final class Builder {
        private Optional<Path> dataDirectory = Optional.empty();
        private int dynamoDbPort;
        private int s3Port;
        private int sesPort;
        private SesMode sesMode = SesMode.IF_AVAILABLE;

        private Builder() {
        }

        /** Keep tables in {@code dir/dynamodb} and objects in {@code dir/s3} between runs. */
        public Builder persistentUnder(Path dir) {
            this.dataDirectory = Optional.of(dir);
            return this;
        }

        public Builder inMemory() {
            this.dataDirectory = Optional.empty();
            return this;
        }

        public Builder dynamoDbPort(int port) {
            this.dynamoDbPort = port;
            return this;
        }

        public Builder s3Port(int port) {
            this.s3Port = port;
            return this;
        }

        public Builder sesPort(int port) {
            this.sesPort = port;
            return this;
        }

        public Builder ses(SesMode mode) {
            this.sesMode = mode;
            return this;
        }

        public LocalEmulators start() {
            EmulatorLogging.quiet();
            Optional<Path> dynamoDbDir = dataDirectory.map(dir -> directory(dir.resolve("dynamodb")));
            Optional<Path> s3Dir = dataDirectory.map(dir -> directory(dir.resolve("s3")));
            DynamoDbLocalServer dynamoDbServer = DynamoDbLocalServer.start(dynamoDbPort, dynamoDbDir);
            S3ProxyServer s3Server = null;
            try {
                s3Server = S3ProxyServer.start(s3Port, s3Dir);
                return new LocalEmulators(dynamoDbServer, s3Server, startSes());
            } catch (RuntimeException e) {
                if (s3Server != null) {
                    closeQuietly("S3Proxy", s3Server);
                }
                closeQuietly("DynamoDB Local", dynamoDbServer);
                throw e;
            }
        }

        private Optional<SesEmulator> startSes() {
            if (sesMode == SesMode.OFF) {
                return Optional.empty();
            }
            Optional<String> unavailable = SesEmulatorPackage.nodeUnavailableReason()
                    .or(() -> SesEmulatorPackage.locate().isPresent() ? Optional.empty()
                            : Optional.of("no infrastructure/emulators/ses-emulator above " + System.getProperty("user.dir")
                                    + " (set -D" + SesEmulatorPackage.LOCATION_PROPERTY + ")"));
            if (unavailable.isPresent()) {
                if (sesMode == SesMode.REQUIRED) {
                    throw new IllegalStateException("The SES emulator cannot start: " + unavailable.get());
                }
                LOG.warn("Running without the SES emulator: {}", unavailable.get());
                return Optional.empty();
            }
            return Optional.of(SesEmulator.start(SesEmulatorPackage.locate().orElseThrow(), sesPort));
        }

        private static Path directory(Path dir) {
            try {
                return Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create " + dir, e);
            }
        }
    }
}
