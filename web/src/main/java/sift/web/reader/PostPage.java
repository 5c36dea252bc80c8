package sift.web.reader;

import java.util.List;
import sift.store.post.PostFacts;
import sift.web.Dates;

/**
 * One post with its sanitised content and media, its topics, and the release or episode it is; an archived post
 * (retention) has only its summary. Pairs with reader/post.jte.
 */
public record PostPage(long id, String title, String feedTitle, String author, String link, String kind,
        Dates.Shown published, String contentHtml, String summary, Dates.Shown archived, List<Media> media,
        List<PostFacts.TopicScore> topics, PostFacts.Release release, PostFacts.Episode episode) {

    public PostPage {
        media = List.copyOf(media);
        topics = List.copyOf(topics);
    }

    /** A topic's score as a whole percentage, for the chip's tooltip. */
    public static int percent(PostFacts.TopicScore topic) {
        return (int) Math.round(topic.score() * 100);
    }

    public record Media(String url, String mimeType, boolean audio, boolean video) {}
}
