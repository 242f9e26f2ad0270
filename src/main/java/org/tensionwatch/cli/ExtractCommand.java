package org.tensionwatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.ExtractedEvent;
import org.tensionwatch.extraction.ExtractionResult;
import org.tensionwatch.extraction.RuleBasedExtractor;
import org.tensionwatch.ingest.ArticleFileResult;
import org.tensionwatch.ingest.ArticleFiles;
import org.tensionwatch.ingest.ParsedArticleFile;
import org.tensionwatch.ingest.RejectedFile;

/**
 * The {@code extract} command: prints the events of article files as JSON Lines or as a table; bad files are
 * reported on the error stream and skipped.
 */
public final class ExtractCommand {

    static final String USAGE = "usage: extract [--format jsonl|table] [--published YYYY-MM-DD] FILE_OR_DIR...";

    private final RuleBasedExtractor extractor;
    private final ArticleFiles files;

    public ExtractCommand() {
        this(new RuleBasedExtractor(), new ArticleFiles());
    }

    public ExtractCommand(RuleBasedExtractor extractor, ArticleFiles files) {
        this.extractor = extractor;
        this.files = files;
    }

    /** Runs the command; returns 0 when the arguments were valid, 2 on bad usage. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String format = "jsonl";
        LocalDate published = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--format" -> {
                    if (i + 1 >= args.size() || !List.of("jsonl", "table").contains(args.get(i + 1))) {
                        return usage(err, "--format needs jsonl or table");
                    }
                    format = args.get(++i);
                }
                case "--published" -> {
                    if (i + 1 >= args.size()) {
                        return usage(err, "--published needs a date");
                    }
                    try {
                        published = LocalDate.parse(args.get(++i));
                    } catch (DateTimeParseException e) {
                        return usage(err, "--published is not a date (YYYY-MM-DD): " + args.get(i));
                    }
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("--")) {
                        return usage(err, "unknown option " + a);
                    }
                    inputs.add(Path.of(a));
                }
            }
        }
        if (inputs.isEmpty()) {
            return usage(err, "no article files given");
        }
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                return usage(err, "no such file or directory: " + p);
            }
        }
        List<Path> paths;
        try {
            paths = ArticleFiles.listArticles(inputs);
        } catch (IOException e) {
            err.println("extract: cannot list files: " + e.getMessage());
            return 1;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        boolean warned = false;
        EventTable table = format.equals("table") ? new EventTable() : null;
        for (Path p : paths) {
            ArticleFileResult r = files.read(p);
            if (r instanceof RejectedFile rejected) {
                err.println("extract: skipped " + p + ": " + rejected.reason());
                continue;
            }
            ParsedArticleFile a = (ParsedArticleFile) r;
            LocalDate day = a.publishedAt() != null ? a.publishedAt().atZone(ZoneOffset.UTC).toLocalDate() : published;
            if (day == null) {
                day = today;
                if (!warned) {
                    err.println("extract: warning: no publication date for " + a.fileName()
                            + " (nor --published); using today, " + today + ", for this and later such files");
                    warned = true;
                }
            }
            ExtractionResult result = extractor.extractWithNotes(new ArticleText(a.title(), a.body(), day));
            if (result.note() != null) {
                err.println("extract: " + a.fileName() + ": " + result.note());
            }
            for (ExtractedEvent e : result.events()) {
                if (table != null) {
                    table.add(a.fileName(), e);
                } else {
                    out.println(EventJson.line(a.fileName(), e, extractor.version()));
                }
            }
        }
        if (table != null) {
            table.print(out);
        }
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("extract: " + problem);
        err.println(USAGE);
        return 2;
    }
}
