package org.tensionwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The ledger of article files already taken from a directory (ingested or skipped), one line per file and content:
 * its path, size, modification time and SHA-256. A file is taken once; again only when its content changes (a
 * correction). The ledger is a text file, appended to, so that it survives a restart and a crash loses at most the
 * line being written (and then the file is ingested again, under the same article id).
 */
public final class IngestedFiles {

    private record Entry(long size, long modified, String sha256) {
    }

    private final Path ledger;
    private final Map<String, Entry> byPath = new HashMap<>();

    private IngestedFiles(Path ledger) {
        this.ledger = ledger;
    }

    /** The ledger at this path, read if it exists. */
    public static IngestedFiles open(Path ledger) {
        IngestedFiles files = new IngestedFiles(ledger);
        if (Files.exists(ledger)) {
            try {
                for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t", 4);
                    if (f.length == 4) {
                        files.byPath.put(f[3], new Entry(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2]));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("cannot read the ledger of ingested files " + ledger + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** Whether this file, as it is now, was taken already. */
    public synchronized boolean taken(Path file) {
        Entry entry = byPath.get(key(file));
        if (entry == null) {
            return false;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.size() == entry.size() && attributes.lastModifiedTime().toMillis() == entry.modified()) {
                return true;
            }
            return sha256(file).equals(entry.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    /** Remembers the file as it is now. */
    public synchronized void remember(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Entry entry = new Entry(attributes.size(), attributes.lastModifiedTime().toMillis(), sha256(file));
            byPath.put(key(file), entry);
            Files.writeString(ledger, entry.size() + "\t" + entry.modified() + "\t" + entry.sha256() + "\t" + key(file) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record " + file + " in " + ledger, e);
        }
    }

    /** The files of the list not taken yet. */
    public List<Path> notTaken(List<Path> files) {
        return files.stream().filter(f -> !taken(f)).toList();
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString().replace('\t', ' ').replace('\n', ' ');
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65_536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
