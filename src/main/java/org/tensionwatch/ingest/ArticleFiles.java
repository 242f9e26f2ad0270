package org.tensionwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads article files (plain text or Markdown, with optional YAML front matter giving {@code published},
 * {@code source}, {@code url} and {@code title}) into parsed articles, or rejects them with a reason:
 * never an exception for a bad file.
 */
public final class ArticleFiles {

    /** The default largest file read: 1 MiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 20;

    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*(?:date|published|dateline)?\\s*:?\\s*(\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?)\\b\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FRONT_KEY = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:\\s*(.*)$");

    private final long maxBytes;

    /** A reader with the default size limit. */
    public ArticleFiles() {
        this(DEFAULT_MAX_BYTES);
    }

    /** A reader that rejects files over {@code maxBytes}. */
    public ArticleFiles(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes < 1: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The largest file, in bytes, that this reader reads. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Reads one file. */
    public ArticleFileResult read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                return new RejectedFile(name, "file too large: " + size + " bytes, limit " + maxBytes);
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
        } catch (IOException | SecurityException e) {
            return new RejectedFile(name, "cannot read: " + e.getMessage());
        }
        return parse(name, bytes);
    }

    /** Parses the bytes of one file. */
    public ArticleFileResult parse(String name, byte[] bytes) {
        if (bytes.length > maxBytes) {
            return new RejectedFile(name, "file too large: more than " + maxBytes + " bytes");
        }
        if (bytes.length == 0) {
            return new RejectedFile(name, "empty file");
        }
        if (looksBinary(bytes)) {
            return new RejectedFile(name, "binary file (NUL bytes or control characters)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new RejectedFile(name, "not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return new RejectedFile(name, "empty file (only white space)");
        }
        return parseText(name, text.replace("\r\n", "\n").replace('\r', '\n'));
    }

    private static ArticleFileResult parseText(String name, String text) {
        String published = null;
        String source = null;
        String url = null;
        String title = null;
        String rest = text;
        if (text.startsWith("---\n")) {
            int close = text.indexOf("\n---", 3);
            if (close > 0) {
                for (String line : text.substring(4, close).split("\n")) {
                    Matcher m = FRONT_KEY.matcher(line.strip());
                    if (!m.matches()) {
                        continue;
                    }
                    String value = unquote(m.group(2).strip());
                    switch (m.group(1).toLowerCase(Locale.ROOT)) {
                        case "published", "date" -> published = value;
                        case "source" -> source = value;
                        case "url" -> url = value;
                        case "title" -> title = value;
                        default -> { }
                    }
                }
                int after = text.indexOf('\n', close + 1);
                rest = after < 0 ? "" : text.substring(after + 1);
            }
        }
        Instant publishedAt = published == null ? null : parseInstant(published);
        if (publishedAt == null) {
            Matcher d = DATELINE.matcher(rest);
            if (d.lookingAt()) {
                Instant fromDateline = parseInstant(d.group(1));
                if (fromDateline != null) {
                    publishedAt = published == null ? fromDateline : publishedAt;
                    rest = rest.substring(d.end());
                }
            }
        }
        String body = rest.strip();
        if (title == null || title.isBlank()) {
            int nl = body.indexOf('\n');
            String first = nl < 0 ? body : body.substring(0, nl);
            title = first.replaceFirst("^#+\\s*", "").strip();
            body = nl < 0 ? "" : body.substring(nl + 1).strip();
        }
        if (title.isEmpty() && body.isEmpty()) {
            return new RejectedFile(name, "no text after the front matter");
        }
        return new ParsedArticleFile(name, title, body, publishedAt, blankToNull(source), blankToNull(url));
    }

    /** Parses an ISO date ("2023-05-31", midnight UTC) or date-time; null when it is neither. */
    public static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = v.replace(' ', 'T');
            if (iso.matches(".*(?:Z|[+-]\\d{2}:?\\d{2})$")) {
                return OffsetDateTime.parse(iso.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
            }
            return java.time.LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The article files ({@code .txt}, {@code .md}, {@code .markdown}) under the given files and directories,
     * directories walked recursively, in a stable order: sorted by path.
     */
    public static List<Path> listArticles(List<Path> roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(ArticleFiles::isArticleName).sorted().forEach(out::add);
                }
            } else {
                out.add(root);
            }
        }
        return out;
    }

    private static boolean isArticleName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".markdown"));
    }

    private static boolean looksBinary(byte[] bytes) {
        int control = 0;
        int n = Math.min(bytes.length, 8192);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control > n / 50 + 1;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
