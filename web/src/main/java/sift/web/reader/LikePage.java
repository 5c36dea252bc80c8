package sift.web.reader;

import java.util.List;

/** The posts like one post, beyond its story, nearest first. Pairs with reader/like.jte. */
public record LikePage(long id, String title, List<PostPage.Other> like) {
    public LikePage {
        like = List.copyOf(like);
    }
}
