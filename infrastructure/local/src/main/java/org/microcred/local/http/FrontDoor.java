package org.microcred.local.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local API's listening socket, in front of the JDK's HTTP server. That server refuses a
 * request it cannot parse (a malformed percent-escape such as {@code /badges/%zz}, a broken
 * header) with an HTML page of its own before any handler runs; the front door answers such a
 * request with problem+json like every other error, and passes every other request through
 * byte for byte, one request per connection ({@code Connection: close} both ways, so the relay
 * never has to frame a message).
 */
final class FrontDoor implements AutoCloseable {
    /** A request line and headers longer than this are refused (API Gateway allows 10 KiB of headers). */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int CLIENT_TIMEOUT_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    /** RFC 9110 token characters. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final ExecutorService threads;

    private FrontDoor(ServerSocket listener, InetSocketAddress server, ExecutorService threads) {
        this.listener = listener;
        this.server = server;
        this.threads = threads;
    }

    /** Listens on 127.0.0.1:{@code port} (0 = any free port) for the server at {@code server}. */
    static FrontDoor open(int port, InetSocketAddress server) throws IOException {
        ServerSocket listener = new ServerSocket(port, 64, InetAddress.getLoopbackAddress());
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-api-door-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new FrontDoor(listener, server, threads);
    }

    int port() {
        return listener.getLocalPort();
    }

    void start() {
        threads.execute(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    threads.execute(() -> serve(client));
                } catch (IOException e) {
                    if (!listener.isClosed()) {
                        LOG.warn("The local API stopped accepting connections", e);
                    }
                    return;
                }
            }
        });
    }

    private void serve(Socket client) {
        try (client) {
            // A client that connects and never sends a request must not hold a thread for ever.
            client.setSoTimeout(CLIENT_TIMEOUT_MILLIS);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            byte[] head = readHead(fromClient);
            if (head == null) {
                return;
            }
            if (head.length > MAX_HEAD_BYTES) {
                refuse(client, 431, "request-header-fields-too-large", "Request header fields too large",
                        "The request line and headers are over " + MAX_HEAD_BYTES + " bytes.", "");
                return;
            }
            String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String malformed = malformation(requestLine, lines);
            if (malformed != null) {
                refuse(client, 400, "bad-request", "Bad request", malformed, requestLine.length > 1 ? requestLine[1] : "");
            } else {
                relay(client, fromClient, head);
            }
        } catch (IOException e) {
            LOG.debug("A local API connection ended early", e);
        }
    }

    /** Passes the request to the server with {@code Connection: close} and its answer back. */
    private void relay(Socket client, InputStream fromClient, byte[] head) throws IOException {
        try (Socket upstream = new Socket()) {
            upstream.connect(server);
            OutputStream toServer = upstream.getOutputStream();
            toServer.write(closing(head));
            toServer.flush();
            threads.execute(() -> {
                try {
                    fromClient.transferTo(toServer);
                } catch (IOException ended) {
                    // The exchange is over and both sockets are closed: nothing more to send.
                }
            });
            InputStream fromServer = new BufferedInputStream(upstream.getInputStream());
            OutputStream toClient = client.getOutputStream();
            boolean interim = true;
            while (interim) {
                byte[] answer = readHead(fromServer);
                if (answer == null) {
                    return;
                }
                // "HTTP/1.1 100 Continue" and the like come before the answer, which is final.
                interim = answer.length > 9 && answer[9] == '1';
                toClient.write(interim ? answer : closing(answer));
            }
            fromServer.transferTo(toClient);
            toClient.flush();
        } catch (SocketException e) {
            LOG.debug("A local API connection was reset", e);
        }
    }

    /** The bytes up to and including the blank line after the headers; null at end of stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < END_OF_HEAD.length) {
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? null : head.toByteArray();
            }
            head.write(b);
            matched = b == END_OF_HEAD[matched] ? matched + 1 : b == '\r' ? 1 : 0;
            if (head.size() > MAX_HEAD_BYTES) {
                return head.toByteArray();
            }
        }
        return head.toByteArray();
    }

    /** The same head with its {@code Connection} headers replaced by {@code Connection: close}. */
    private static byte[] closing(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n")));
        lines.removeIf(line -> line.toLowerCase(Locale.ROOT).startsWith("connection:"));
        lines.add("Connection: close");
        return (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * What the JDK's server would refuse with an HTML page of its own, said for people; null when
     * it will take the request: a request line of three parts, a target that is a URI (so every
     * % starts an escape of two hex digits), header names that are tokens, one numeric
     * Content-Length and no Transfer-Encoding but chunked, never both.
     */
    static String malformation(String[] requestLine, String[] lines) {
        if (requestLine.length != 3) {
            return "The request line is not METHOD TARGET VERSION.";
        }
        try {
            new URI(requestLine[1]);
        } catch (URISyntaxException e) {
            return "The request's path or query is not a valid URI: a % must start an escape of two hexadecimal"
                    + " digits (%2F, %C3%A9).";
        }
        List<String> lengths = new ArrayList<>();
        List<String> encodings = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = colon < 0 ? "" : lines[i].substring(0, colon);
            if (!HEADER_NAME.matcher(name).matches()) {
                return "A request header has no name, or a name with characters a header name cannot have.";
            }
            String value = lines[i].substring(colon + 1).strip();
            if (name.equalsIgnoreCase("content-length")) {
                lengths.add(value);
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                encodings.add(value);
            }
        }
        if (lengths.size() > 1 || !lengths.isEmpty() && !encodings.isEmpty()
                || lengths.stream().anyMatch(length -> !length.matches("[0-9]{1,18}"))
                || encodings.stream().anyMatch(encoding -> !encoding.equalsIgnoreCase("chunked"))) {
            return "The request's Content-Length or Transfer-Encoding headers contradict each other or are malformed.";
        }
        return null;
    }

    private static void refuse(Socket client, int status, String slug, String title, String detail, String instance)
            throws IOException {
        String requestId = UUID.randomUUID().toString();
        LocalResponse problem = LocalResponse.problem(status, slug, title, detail, instance, requestId);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(title).append("\r\n");
        problem.headers().forEach((name, values) -> values.forEach(value ->
                head.append(name).append(": ").append(value).append("\r\n")));
        head.append("apigw-requestid: ").append(requestId).append("\r\n")
                .append("content-length: ").append(problem.body().length).append("\r\n")
                .append("connection: close\r\n\r\n");
        OutputStream out = client.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(problem.body());
        out.flush();
        LOG.info("{} -> {} (refused at the front door)", status, detail);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            threads.shutdownNow();
        }
    }
}
