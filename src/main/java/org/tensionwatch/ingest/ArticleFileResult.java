package org.tensionwatch.ingest;

/** The outcome of reading one article file: the parsed article, or a rejection with its reason. */
public sealed interface ArticleFileResult permits ParsedArticleFile, RejectedFile {

    /** The file's name, without its directory. */
    String fileName();
}
