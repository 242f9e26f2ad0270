package org.tensionwatch.feeds;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Plain text out of HTML, with jsoup: paragraphs stay paragraphs, markup and scripts go. */
public final class HtmlText {

    private static final String BLOCKS = "p, div, li, h1, h2, h3, h4, h5, h6, blockquote, tr, section, article, br";
    private static final String NOISE = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, "
            + "figure, button, [role=navigation], [aria-hidden=true]";

    private HtmlText() {
    }

    /** The text of an HTML fragment (a feed item's summary or content). */
    public static String ofFragment(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return textOf(Jsoup.parseBodyFragment(html).body());
    }

    /**
     * The main text of an article page: its {@code <article>}, else {@code <main>}, else the element holding the
     * most paragraph text; navigation, headers, footers, asides and scripts are left out.
     */
    public static String mainTextOfPage(Document page) {
        page.select(NOISE).remove();
        Element main = page.selectFirst("article");
        if (main == null) {
            main = page.selectFirst("main, [role=main]");
        }
        if (main == null) {
            main = densestParagraphParent(page);
        }
        return main == null ? textOf(page.body()) : textOf(main);
    }

    private static Element densestParagraphParent(Document page) {
        Element best = null;
        int bestLength = 0;
        for (Element paragraph : page.select("p")) {
            Element parent = paragraph.parent();
            if (parent == null) {
                continue;
            }
            int length = 0;
            for (Element p : parent.children()) {
                if (p.normalName().equals("p")) {
                    length += p.text().length();
                }
            }
            if (length > bestLength) {
                bestLength = length;
                best = parent;
            }
        }
        return best;
    }

    /** The text of an element, a blank line between blocks. */
    static String textOf(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element e && e.is(BLOCKS)) {
                    out.append("\n\n");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.is(BLOCKS)) {
                    out.append("\n\n");
                }
            }
        }, root);
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

}
