package sift.store.feed;

/** How the last fetch of a feed ended. */
public enum FetchStatus {
    OK("ok"),
    NOT_MODIFIED("not_modified"),
    FAILED("failed");

    private final String column;

    FetchStatus(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    static FetchStatus fromColumn(String value) {
        if (value == null) {
            return null;
        }
        for (FetchStatus status : values()) {
            if (status.column.equals(value)) {
                return status;
            }
        }
        throw new IllegalStateException("unknown feed status in the database: " + value);
    }
}
