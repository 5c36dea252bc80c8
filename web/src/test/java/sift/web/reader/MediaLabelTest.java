package sift.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaLabelTest {
    @Test
    void aDownloadSaysItsFormatAndSizeNotItsMimeType() {
        assertThat(new PostPage.Media("https://cdn.example/e113.mp3", "audio/mpeg", 43_200_000L, true, false).label())
                .isEqualTo("MP3, 43 MB");
        assertThat(new PostPage.Media("https://cdn.example/talk.webm?x=1", null, 640_000L, false, true).label())
                .isEqualTo("WEBM, 640 KB");
        assertThat(new PostPage.Media("https://cdn.example/stream", "audio/x-m4a", null, true, false).label())
                .isEqualTo("M4A");
        assertThat(new PostPage.Media("https://cdn.example/stream", null, 0L, false, false).label())
                .isEqualTo("media");
    }
}
