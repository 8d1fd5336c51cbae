package org.triplehelix.matching;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Writes the fixture corpus straight into the registry tables (the registry's importer is another
 * module's; these tests need the rows only). Replaces whatever the tables held.
 */
final class FixtureLoader {

    private FixtureLoader() {
    }

    /**
     * Empties the registry. The application's listeners may be reading it at the same moment (an
     * earlier test's change events, handled after commit): a deadlock with one of them is retried.
     */
    private static void truncate(JdbcClient jdbc) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.sql("truncate demand_party, demand, output_organization, output_person, output, facility, person, organization cascade").update();
                return;
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static void load(JdbcClient jdbc) {
        truncate(jdbc);
        List<JsonNode> records = Fixture.records();
        for (JsonNode r : records) {
            if (kind(r).equals("organization")) {
                jdbc.sql("insert into organization (ext_id, type, name_zh, name_en, region, illustrative) values (?, ?, ?, ?, ?, true)")
                        .params(id(r), text(r, "type"), zh(r, "name"), en(r, "name"), text(r, "region")).update();
            }
        }
        for (JsonNode r : records) {
            switch (kind(r)) {
                case "person" -> jdbc.sql("""
                        insert into person (ext_id, name_zh, name_en, organization_id, title, disciplines, keywords, illustrative)
                        values (?, ?, ?, (select id from organization where ext_id = ?), ?, ?, ?, true)""")
                        .params(id(r), zh(r, "name"), en(r, "name"), text(r, "organization"), text(r, "title"),
                                array(r, "disciplines"), array(r, "keywords")).update();
                case "facility" -> jdbc.sql("""
                        insert into facility (ext_id, type, name_zh, name_en, organization_id, description_zh, keywords, illustrative)
                        values (?, ?, ?, ?, (select id from organization where ext_id = ?), ?, ?, true)""")
                        .params(id(r), text(r, "type"), zh(r, "name"), en(r, "name"), text(r, "organization"), text(r, "description"),
                                array(r, "keywords")).update();
                default -> {
                }
            }
        }
        for (JsonNode r : records) {
            if (kind(r).equals("output")) {
                insertOutput(jdbc, r);
            }
        }
    }

    static void insertOutput(JdbcClient jdbc, JsonNode r) {
        jdbc.sql("""
                insert into output (ext_id, type, title_zh, title_en, keywords, year, discipline, illustrative)
                values (?, ?, ?, ?, ?, ?, ?, true)""")
                .params(id(r), text(r, "type"), zh(r, "title"), en(r, "title"), array(r, "keywords"),
                        r.has("year") ? r.get("year").asInt() : null, text(r, "discipline")).update();
        int position = 0;
        for (String person : list(r, "people")) {
            jdbc.sql("insert into output_person (output_id, person_id, position) select o.id, p.id, ? from output o, person p where o.ext_id = ? and p.ext_id = ?")
                    .params(position++, id(r), person).update();
        }
        position = 0;
        for (String organization : list(r, "organizations")) {
            jdbc.sql("insert into output_organization (output_id, organization_id, position) select o.id, g.id, ? from output o, organization g where o.ext_id = ? and g.ext_id = ?")
                    .params(position++, id(r), organization).update();
        }
    }

    private static String kind(JsonNode r) {
        return r.get("kind").asString();
    }

    private static String id(JsonNode r) {
        return r.get("id").asString();
    }

    private static String text(JsonNode r, String field) {
        return r.hasNonNull(field) ? r.get(field).asString() : null;
    }

    private static String zh(JsonNode r, String field) {
        JsonNode value = r.get(field);
        if (value == null) {
            return null;
        }
        return value.isObject() ? text(value, "zh") : org.triplehelix.shared.Text.containsHan(value.asString()) ? value.asString() : null;
    }

    private static String en(JsonNode r, String field) {
        JsonNode value = r.get(field);
        if (value == null) {
            return null;
        }
        return value.isObject() ? text(value, "en") : org.triplehelix.shared.Text.containsHan(value.asString()) ? null : value.asString();
    }

    private static List<String> list(JsonNode r, String field) {
        List<String> values = new ArrayList<>();
        if (r.hasNonNull(field)) {
            r.get(field).forEach(v -> values.add(v.asString()));
        }
        return values;
    }

    private static String[] array(JsonNode r, String field) {
        return list(r, field).toArray(String[]::new);
    }
}
