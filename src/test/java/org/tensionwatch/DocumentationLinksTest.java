package org.tensionwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md, docs/**.md and deploy/README.md resolves: the file or folder exists, and an
 * anchor ({@code file.md#heading}) names a heading of that file, as GitHub makes anchors from
 * headings. Links to other sites are not followed; links in code blocks and code spans are not links.
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.*)$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("deploy/README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        assertThat(documents).as("documents found").hasSizeGreaterThan(5);

        Map<Path, Set<String>> anchorsByFile = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path document : documents) {
            List<String> lines = outsideCode(Files.readAllLines(document));
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINK.matcher(CODE_SPAN.matcher(lines.get(i)).replaceAll(""));
                while (m.find()) {
                    String target = m.group(1);
                    if (SCHEME.matcher(target).find()) {
                        continue;
                    }
                    links++;
                    int hash = target.indexOf('#');
                    String path = hash < 0 ? target : target.substring(0, hash);
                    String anchor = hash < 0 ? "" : target.substring(hash + 1);
                    Path resolved = path.isEmpty() ? document : document.toAbsolutePath().getParent().resolve(path).normalize();
                    String where = document + ":" + (i + 1) + ": " + target;
                    if (!Files.exists(resolved)) {
                        broken.add(where + " (no such file)");
                    } else if (!anchor.isEmpty() && resolved.toString().endsWith(".md")
                            && !anchorsByFile.computeIfAbsent(resolved, DocumentationLinksTest::anchorsOf).contains(anchor)) {
                        broken.add(where + " (no such heading)");
                    }
                }
            }
        }
        assertThat(links).as("relative links checked").isGreaterThan(20);
        assertThat(broken).as("broken relative links").isEmpty();
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertThat(slug("Re-deriving history: a second version beside the first"))
                .isEqualTo("re-deriving-history-a-second-version-beside-the-first");
        assertThat(slug("Real-like text (rules-1.2, 2026-12-03)")).isEqualTo("real-like-text-rules-12-2026-12-03");
        assertThat(slug("Replay end to end (100,000 generated articles)"))
                .isEqualTo("replay-end-to-end-100000-generated-articles");
        assertThat(slug("The `tension.filed` header")).isEqualTo("the-tensionfiled-header");
    }

    /** The lines with fenced code blocks blanked, so that line numbers stay right. */
    private static List<String> outsideCode(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                fence = !fence;
                out.add("");
            } else {
                out.add(fence ? "" : line);
            }
        }
        return out;
    }

    private static Set<String> anchorsOf(Path file) {
        try {
            Set<String> anchors = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            for (String line : outsideCode(Files.readAllLines(file))) {
                Matcher m = HEADING.matcher(line);
                if (m.matches()) {
                    String slug = slug(m.group(1));
                    int n = seen.merge(slug, 1, Integer::sum) - 1;
                    anchors.add(n == 0 ? slug : slug + "-" + n);
                }
            }
            return anchors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        StringBuilder out = new StringBuilder();
        for (char c : heading.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.append(c);
            } else if (c == ' ') {
                out.append('-');
            }
        }
        return out.toString();
    }
}
