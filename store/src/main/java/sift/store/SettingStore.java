package sift.store;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Small named facts about this installation, such as whether the default subscriptions were applied. */
public final class SettingStore {
    private final Jdbi jdbi;

    SettingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<String> get(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_value FROM settings WHERE setting_name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
    }

    /** Sets the value, replacing any (one transaction). */
    public void put(String name, String value) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE settings SET setting_value = :value WHERE setting_name = :name")
                    .bind("name", name)
                    .bind("value", value)
                    .execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO settings (setting_name, setting_value) VALUES (:name, :value)")
                        .bind("name", name)
                        .bind("value", value)
                        .execute();
            }
        });
    }

    public void remove(String name) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM settings WHERE setting_name = :name")
                .bind("name", name)
                .execute());
    }

    /** Sets the value only if the name has none yet; true when this call set it. */
    public boolean putIfAbsent(String name, String value) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                INSERT INTO settings (setting_name, setting_value)
                                SELECT :name, :value
                                WHERE NOT EXISTS (SELECT 1 FROM settings WHERE setting_name = :name)""")
                        .bind("name", name)
                        .bind("value", value)
                        .execute())
                == 1;
    }
}
