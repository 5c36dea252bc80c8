package sift.ingest.parse;

import java.util.List;

/**
 * What the iTunes and Podcasting 2.0 tags say about an episode; each part null (or empty) when the feed is silent.
 * {@code durationSeconds} is read from every form feeds use (3725, 62:05, 1:02:05, 1:02:05.5, 1h 2m 5s).
 */
public record ParsedPodcast(
        Integer durationSeconds,
        Integer episode,
        Integer season,
        String episodeType,
        Boolean explicit,
        String image,
        List<Transcript> transcripts,
        Chapters chapters,
        List<Person> persons) {

    public ParsedPodcast {
        transcripts = List.copyOf(transcripts);
        persons = List.copyOf(persons);
    }

    public record Transcript(String url, String type, String language, String rel) {}

    public record Chapters(String url, String type) {}

    /** A person of the episode; the namespace's defaults are role "host" in group "cast". */
    public record Person(String name, String role, String group, String href, String img) {}
}
