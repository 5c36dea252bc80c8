package sift.web.reader;

import java.util.List;
import sift.web.Dates;

/**
 * One post with its sanitised content and media; an archived post (retention) has only its summary. Pairs with
 * reader/post.jte.
 */
public record PostPage(long id, String title, String feedTitle, String author, String link, String kind,
        Dates.Shown published, String contentHtml, String summary, Dates.Shown archived, List<Media> media) {

    public PostPage {
        media = List.copyOf(media);
    }

    public record Media(String url, String mimeType, boolean audio, boolean video) {}
}
