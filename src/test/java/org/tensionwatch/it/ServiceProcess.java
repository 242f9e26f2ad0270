package org.tensionwatch.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as a child JVM, as a
 * user runs it, on its own embedded broker and data directory. Ready once {@code /q/health/ready}
 * says UP; stopped with SIGTERM so that it shuts down as it would in production.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final Path log;

    private ServiceProcess(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    static ServiceProcess start(Path dataDir, Map<String, String> settings) {
        ServiceProcess service = launch(dataDir, settings);
        service.awaitReady();
        return service;
    }

    /** Starts the service with settings it must refuse to start with; its log once it has exited. */
    static String startRefused(Path dataDir, Map<String, String> settings) {
        ServiceProcess service = launch(dataDir, settings);
        try {
            if (!service.process.waitFor(120, TimeUnit.SECONDS)) {
                service.close();
                throw new AssertionError("the service did not exit within 120 s:\n" + service.log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (service.process.exitValue() == 0) {
            throw new AssertionError("the service exited with 0:\n" + service.log());
        }
        return service.log();
    }

    private static ServiceProcess launch(Path dataDir, Map<String, String> settings) {
        String jar = System.getProperty("tension.app.jar", "target/quarkus-app/quarkus-run.jar");
        int httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dquarkus.http.port=" + httpPort,
                "-Dtension.data-dir=" + dataDir.toAbsolutePath(),
                "-Dtension.broker.port=0",
                "-Dtension.topics.partitions=1"));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar));
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolveSibling(dataDir.getFileName() + "-service.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ServiceProcess(process, httpPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    URI baseUri() {
        return URI.create("http://localhost:" + httpPort);
    }

    int port() {
        return httpPort;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        await("service ready (log: " + log + ")").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("service exited with " + process.exitValue() + ":\n" + Files.readString(log));
                    }
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(baseUri().resolve("/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200;
                });
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process as {@code kill -9} does: no shutdown hook runs, nothing is flushed or closed. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("service still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether extraction, indicators and alerts of the service on this embedded broker have each processed every
     * record, as {@code derivation-status} says.
     */
    static boolean caughtUp(int brokerPort) {
        return caughtUp("localhost:" + brokerPort);
    }

    /** {@link #caughtUp(int)} on a cluster. */
    static boolean caughtUp(String bootstrapServers) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        return new org.tensionwatch.cli.DerivationStatusCommand()
                .run(List.of("--bootstrap-servers", bootstrapServers), print, print) == 0;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
