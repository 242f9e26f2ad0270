package org.tensionwatch.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The name this instance is known by in the Streams groups ({@code group.instance.id}). Two live instances must never
 * share it (the group would fence one of them), and a restarted instance must find it again, so it belongs to the data
 * directory, which holds the instance's Streams state: generated on the first start and kept in
 * {@code DATA_DIR/instance-id}, unless {@code tension.streams.instance-id} names it.
 */
final class InstanceId {

    static final String FILE_NAME = "instance-id";
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private InstanceId() {
    }

    static String of(Optional<String> configured, Path dataDir) {
        if (configured.filter(s -> !s.isBlank()).isPresent()) {
            return checked(configured.get().strip(), "tension.streams.instance-id");
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return checked(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
            }
            Files.createDirectories(dataDir);
            String generated = "tension-" + UUID.randomUUID();
            Path written = Files.writeString(dataDir.resolve(FILE_NAME + ".new"), generated, StandardCharsets.UTF_8);
            Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance id in " + file, e);
        }
    }

    private static String checked(String id, String where) {
        if (!ALLOWED.matcher(id).matches()) {
            throw new IllegalArgumentException(where + ": an instance id is 1 to 200 letters, digits, '.', '_' or '-', not '"
                    + id + "'");
        }
        return id;
    }
}
