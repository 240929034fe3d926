package org.microcred.emulators;

import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy 2.6 inside this JVM, path-style, checking AWS signatures with the emulator key
 * ({@value #ACCESS_KEY}) so presigned URLs are verified as S3 would, and refusing ACLs as a
 * {@code BucketOwnerEnforced} bucket does ({@link AclsDisabled}). Blobs live in memory, or in a
 * directory when the local stack must keep them between restarts.
 */
final class S3ProxyServer implements AutoCloseable {
    static final String ACCESS_KEY = "local";
    static final String SECRET_KEY = "local";
    private static final int ATTEMPTS = 3;

    private final S3Proxy proxy;
    private final BlobStoreContext blobStore;
    private final URI endpoint;

    private S3ProxyServer(S3Proxy proxy, BlobStoreContext blobStore, URI endpoint) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.endpoint = endpoint;
    }

    static S3ProxyServer start(int configuredPort, Optional<Path> dataDir) {
        Exception last = null;
        for (int attempt = 0; attempt < (configuredPort == 0 ? ATTEMPTS : 1); attempt++) {
            URI endpoint = URI.create("http://127.0.0.1:" + FreePort.orPick(configuredPort));
            BlobStoreContext blobStore = blobStore(dataDir);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(blobStore.getBlobStore())
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .ignoreUnknownHeaders(true)
                    .endpoint(endpoint)
                    .build();
            try {
                jettyServer(proxy).insertHandler(new AclsDisabled());
                proxy.start();
                awaitStarted(proxy);
                return new S3ProxyServer(proxy, blobStore, endpoint);
            } catch (Exception e) {
                last = e;
                blobStore.close();
            }
        }
        throw new IllegalStateException("S3Proxy did not start", last);
    }

    /**
     * S3Proxy offers no hook in front of its handler, so the embedded (shaded) Jetty server is taken
     * from its field; the version is pinned in the parent POM, and a change fails here at start.
     */
    private static Server jettyServer(S3Proxy proxy) {
        try {
            Field server = S3Proxy.class.getDeclaredField("server");
            server.setAccessible(true);
            return (Server) server.get(proxy);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This S3Proxy version keeps its Jetty server elsewhere", e);
        }
    }

    private static BlobStoreContext blobStore(Optional<Path> dataDir) {
        Properties properties = new Properties();
        dataDir.ifPresent(dir -> properties.setProperty("jclouds.filesystem.basedir", dir.toAbsolutePath().toString()));
        return ContextBuilder.newBuilder(dataDir.isPresent() ? "filesystem" : "transient")
                .overrides(properties)
                .build(BlobStoreContext.class);
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy stayed " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            blobStore.close();
        }
    }
}
