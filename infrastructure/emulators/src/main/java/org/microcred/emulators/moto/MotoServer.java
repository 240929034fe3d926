package org.microcred.emulators.moto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * A {@code moto_server} process (moto 5, Python), the emulator for the AWS services the Java
 * emulators do not cover (Cognito user pools, KMS, Secrets Manager, SES v2 with its identity
 * checks). It is not part of the
 * local stack, because a fresh machine may not have it; tests use it through
 * {@link WithMoto}, which skips them where it is missing.
 *
 * <p>The process is ours: it is killed with its child processes on close and, failing that,
 * when the JVM exits. Its request log goes to a file, so test output stays readable.
 */
public final class MotoServer implements AutoCloseable {
    /** The command looked up on {@code PATH}. */
    public static final String COMMAND = "moto_server";
    /** Any key works: moto does not check signatures. */
    public static final String ACCESS_KEY = "testing";
    public static final Region REGION = Region.US_EAST_1;

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final Thread shutdownHook;
    /** Clients built on first use, closed with the server. */
    private final List<SdkClient> clients = new ArrayList<>();
    private CognitoIdentityProviderClient cognito;
    private KmsClient kms;
    private SecretsManagerClient secretsManager;
    private SesV2Client sesV2;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
        this.shutdownHook = new Thread(this::kill, "moto-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The {@value #COMMAND} executable on {@code PATH}, if there is one. */
    public static Optional<Path> executable() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return List.of(path.split(File.pathSeparator)).stream()
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, COMMAND))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts moto on a free loopback port and returns once it answers HTTP. A port taken by
     * someone else between picking and binding is retried on another port.
     *
     * @param executable   the {@code moto_server} to run (see {@link #executable()})
     * @param logDirectory where its output goes, as {@code moto-server-<port>.log}
     * @throws IllegalStateException with moto's own output when it does not start
     */
    public static MotoServer start(Path executable, Path logDirectory) {
        ExitedEarly last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = freePort();
            try {
                Files.createDirectories(logDirectory);
                Path log = logDirectory.resolve("moto-server-" + port + ".log");
                Process process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
                server.awaitAnswering();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start " + executable, e);
            } catch (ExitedEarly e) {
                last = e;
            }
        }
        throw new IllegalStateException(executable + " did not start (" + ATTEMPTS + " attempts); the last one: "
                + last.getMessage(), last);
    }

    /** The base URL to give SDK clients as {@code endpointOverride}. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * A new user pool configured like template.yaml's UserPool where it matters to the calls the
     * functions make (email is the username and verified; {@code name} required, {@code orgId}
     * custom), with a name of its own so tests do not share accounts.
     *
     * @return its id
     */
    public String userPoolLikeTemplate() {
        return cognitoIdentityProvider().createUserPool(pool -> pool.poolName("microcred-users")
                        .usernameAttributes(UsernameAttributeType.EMAIL)
                        .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                        .schema(attribute -> attribute.name("orgId").attributeDataType(AttributeDataType.STRING)
                                        .mutable(true),
                                attribute -> attribute.name("name").attributeDataType(AttributeDataType.STRING)
                                        .mutable(true).required(true)))
                .userPool().id();
    }

    /** The file moto writes its request log and errors to. */
    public Path log() {
        return log;
    }

    /**
     * A Cognito Identity Provider client for this server (dummy credentials, us-east-1), built
     * on first use and closed with the server.
     */
    public synchronized CognitoIdentityProviderClient cognitoIdentityProvider() {
        if (cognito == null) {
            cognito = client(CognitoIdentityProviderClient.builder());
        }
        return cognito;
    }

    /**
     * A KMS client for this server. moto 5.2.1 makes ECC_NIST_P256 signing keys (no Ed25519), and
     * its Sign ignores {@code MessageType}: a {@code DIGEST} message is hashed again, as if RAW.
     */
    public synchronized KmsClient kms() {
        if (kms == null) {
            kms = client(KmsClient.builder());
        }
        return kms;
    }

    /** A Secrets Manager client for this server. */
    public synchronized SecretsManagerClient secretsManager() {
        if (secretsManager == null) {
            secretsManager = client(SecretsManagerClient.builder());
        }
        return secretsManager;
    }

    /**
     * An SES v2 client for this server. moto refuses {@code SendEmail} from an address (or a
     * domain) that is not a verified identity, as SES does: create the sender's identity first.
     */
    public synchronized SesV2Client sesV2() {
        if (sesV2 == null) {
            sesV2 = client(SesV2Client.builder());
        }
        return sesV2;
    }

    /**
     * What moto holds, from {@code GET /moto-api/data.json}: per service, per model class, the
     * list of its objects, e.g. {@code ses.Message} (each sent email: {@code id}, {@code source},
     * {@code destinations}, {@code subject}, {@code body}).
     */
    public JsonNode recorded() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto answered GET /moto-api/data.json with HTTP " + response.statusCode());
            }
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("moto did not answer GET /moto-api/data.json", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading moto's data", e);
        }
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(B builder) {
        C client = builder.endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        clients.add(client);
        return client;
    }

    /** Forgets every resource in every service, for tests that share one server but not its state. */
    public void reset() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("moto refused the reset with HTTP " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto did not answer the reset", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while resetting moto", e);
        }
    }

    private void awaitAnswering() throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new ExitedEarly("moto_server on port " + endpoint.getPort() + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                client.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notListeningYet) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while starting moto_server", e);
            }
        }
        close();
        throw new IllegalStateException("moto_server did not answer within " + STARTUP + ":\n" + Files.readString(log));
    }

    /** Most often the port was taken after all; the next attempt picks another. */
    private static final class ExitedEarly extends IllegalStateException {
        ExitedEarly(String message) {
            super(message);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Children first: a wrapper script (a pyenv shim, say) may have started the Python process. */
    private void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public synchronized void close() {
        clients.forEach(SdkClient::close);
        clients.clear();
        cognito = null;
        kms = null;
        secretsManager = null;
        sesV2 = null;
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it kills an already dead process, harmlessly.
        }
    }
}
