package org.triplehelix.shared.db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Text sorted in the reader's language, as the lists sort names and titles: by ICU's Chinese collation (pinyin) or its
 * English one when the database has them (PostgreSQL built with ICU, as the embedded one is), else lower-cased in the
 * database's own collation.
 */
@Component
public class Collations {

    private final JdbcClient jdbc;
    private volatile Boolean icu;

    Collations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the database has ICU's Chinese and English collations; asked once. */
    public boolean icu() {
        if (icu == null) {
            icu = jdbc.sql("select count(*) from pg_collation where collname in ('zh-x-icu', 'en-x-icu')")
                    .query(Long.class).single() == 2;
        }
        return icu;
    }

    /**
     * The ORDER BY term of a text held in two columns ({@code zh}, {@code en}: SQL expressions from the code, never from
     * a request): the one in the reader's language when there is one, else the other, in ICU's order for that language
     * (Chinese by pinyin) when the database has it, else lower-cased.
     */
    public String inLanguage(String zh, String en, boolean english) {
        String text = english ? "coalesce(" + en + ", " + zh + ")" : "coalesce(" + zh + ", " + en + ")";
        if (!icu()) {
            return "lower(" + text + ")";
        }
        return text + (english ? " collate \"en-x-icu\"" : " collate \"zh-x-icu\"");
    }
}
