package sift.web.http;

import java.util.concurrent.ThreadFactory;

/** The background threads of a Sift process: named (thread dumps say what each does), and never holding the JVM up. */
public final class Threads {
    private Threads() {}

    public static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
