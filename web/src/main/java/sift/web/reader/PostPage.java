package sift.web.reader;

import java.util.List;

/** One post with its sanitised content and media. Pairs with reader/post.jte. */
public record PostPage(long id, String title, String feedTitle, String author, String link, String kind,
        String isoDate, String fullDate, String contentHtml, List<Media> media) {

    public PostPage {
        media = List.copyOf(media);
    }

    public record Media(String url, String mimeType, boolean audio, boolean video) {}
}
