package org.tensionwatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code extract} command: prints the events of article files as JSON Lines or as a table; bad files are
 * reported on the error stream and skipped.
 */
@Command(name = "extract", synopsisHeading = "usage: ", sortOptions = false,
        description = "print the events of article files or directories as JSON Lines or a table",
        footer = "exit code 0 when the arguments were valid (bad files are reported and skipped), 2 on bad usage")
public final class ExtractCommand implements Cli.Command {

    /** How the events are printed. */
    enum Format {
        JSONL, TABLE;

        static final class Converter implements ITypeConverter<Format> {
            @Override
            public Format convert(String value) {
                return switch (value) {
                    case "jsonl" -> JSONL;
                    case "table" -> TABLE;
                    default -> throw Cli.problem(" needs jsonl or table");
                };
            }
        }
    }

    @Mixin
    private Cli.Help help;

    @Option(names = "--format", paramLabel = "jsonl|table", converter = Format.Converter.class,
            description = "one JSON object a line (the default), or a table")
    private Format format = Format.JSONL;

    @Option(names = "--published", paramLabel = "YYYY-MM-DD", converter = Cli.Day.class,
            description = "the publication day of files that do not say theirs (default: today, with a warning)")
    private LocalDate published;

    @Parameters(paramLabel = "FILE_OR_DIR", description = "article files, or directories of them")
    private List<Path> inputs = new ArrayList<>();

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
        return Cli.run(this, args, out, err);
    }

    @Override
    public int call(PrintStream out, PrintStream err) throws Cli.UsageException {
        if (inputs.isEmpty()) {
            throw new Cli.UsageException("no article files given");
        }
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                throw new Cli.UsageException("no such file or directory: " + p);
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
        EventTable table = format == Format.TABLE ? new EventTable() : null;
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
}
